// All message namespaces. A studio adds its own file here and one line below.
import { common } from './common';
import { digits } from './digits';
import { dream } from './dream';
import { files } from './files';
import { groove } from './groove';
import { image } from './image';
import { lab } from './lab';
import { midi } from './midi';
import { music } from './music';
import { pose } from './pose';
import { sound } from './sound';
import { speed } from './speed';
import { teachx } from './teachx';

const BUNDLES = [
  common,
  digits,
  dream,
  files,
  groove,
  image,
  lab,
  midi,
  music,
  pose,
  sound,
  speed,
  teachx,
] as const;

type KeysOf<B> = B extends { en: Record<infer K, string> } ? K : never;
/** Every message key of the app. */
export type MessageKey = KeysOf<(typeof BUNDLES)[number]>;

/** Messages per locale, all namespaces merged. */
export const MESSAGES = {
  en: Object.assign({}, ...BUNDLES.map((b) => b.en)) as Record<MessageKey, string>,
  ko: Object.assign({}, ...BUNDLES.map((b) => b.ko)) as Record<MessageKey, string>,
};
