'use client';
// FileDrop: choose or drag files; keyboard users get a real file input behind a button.
import { useId, useRef, useState } from 'react';

/** Props for {@link FileDrop}. */
export interface FileDropProps {
  /** The accept attribute, e.g. "image/*" or ".mid,.midi". */
  accept?: string;
  multiple?: boolean;
  label: string;
  hint?: string;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  /** data-testid of the hidden input, for tests that set files. */
  inputTestId?: string;
}

/** A drop zone with a button that opens the file picker. */
export function FileDrop({
  accept,
  multiple = true,
  label,
  hint,
  disabled,
  onFiles,
  inputTestId,
}: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [over, setOver] = useState(false);
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled && e.dataTransfer.files.length) onFiles(Array.from(e.dataTransfer.files));
      }}
      className={`rounded-xl border-2 border-dashed p-4 text-center text-sm transition ${
        over ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-white'
      }`}
    >
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        data-testid={inputTestId}
        className="sr-only"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer rounded-xl border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 focus-within:outline-3 hover:bg-slate-100"
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            input.current?.click();
          }
        }}
      >
        {label}
      </label>
      {hint && <p className="mt-2 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
