// FileError: an InputError that carries a message key and parameters, so the UI shows it in the
// visitor's language; its `message` is the English text (for logs and tests).
import { InputError } from '../errors';
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages';
import type { MessageParams } from '../i18n/types';

/** Keys of the messages lib/files can raise. */
export type FileMessageKey = Extract<MessageKey, `files.${string}`>;

/** A file cannot be used: which file, what is wrong and what to do, as a translatable message. */
export class FileError extends InputError {
  /** Message key in lib/i18n/messages/files.ts. */
  readonly key: FileMessageKey;
  /** Its parameters (file name, sizes, the limit). */
  readonly params: MessageParams;
  constructor(key: FileMessageKey, params: MessageParams) {
    super(
      fileErrorText(key, params, (k, p) => translate('en', k, p)),
      nameOf(params),
    );
    this.key = key;
    this.params = params;
  }

  /** The message in the language of `t` (the UI's useT()). */
  text(t: Translate): string {
    return fileErrorText(this.key, this.params, t);
  }
}

/** A message lookup: the UI's `t`, or translate bound to a locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

function nameOf(params: MessageParams): string | undefined {
  return typeof params.name === 'string' ? params.name : undefined;
}

/** Parameters that are themselves message keys ("files.what.image") are translated first. */
function fileErrorText(key: FileMessageKey, params: MessageParams, t: Translate): string {
  const local: MessageParams = {};
  for (const [k, v] of Object.entries(params))
    local[k] = typeof v === 'string' && /^files\.(what|where)\./.test(v) ? t(v as MessageKey) : v;
  return t(key, local);
}

/**
 * The text to show for any error from reading a file: a FileError in the visitor's language,
 * otherwise the error's own message.
 */
export function describeFileError(e: unknown, t: Translate): string {
  if (e instanceof FileError) return e.text(t);
  return e instanceof Error ? e.message : String(e);
}

/** "1.2 MB", "950 KB", "12 bytes" (decimal units, as file managers show them). */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} KB`;
  return `${n} bytes`;
}

/** 1000000 → "1,000,000" (the same in Korean). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** What a file is, for "{what} can be up to {max}". */
export type FileKind = 'image' | 'audio' | 'midi' | 'csv' | 'archive' | 'json';

/**
 * Throws FileError when the file is empty or larger than `max` bytes: checked from the size alone,
 * before a single byte is read.
 */
export function checkFileSize(name: string, size: number, max: number, kind: FileKind): void {
  if (size === 0) throw new FileError('files.empty', { name });
  if (size > max)
    throw new FileError('files.tooLarge', {
      name,
      size: formatBytes(size),
      max: formatBytes(max),
      what: `files.what.${kind}`,
    });
}
