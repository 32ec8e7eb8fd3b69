// All message namespaces. A studio adds its own file here and one line below.
import { common } from './common';
import { digits } from './digits';
import { dream } from './dream';
import { errors } from './errors';
import { files } from './files';
import { groove } from './groove';
import { image } from './image';
import { kids } from './kids';
import { lab } from './lab';
import { lesson } from './lesson';
import { midi } from './midi';
import { music } from './music';
import { musicform } from './musicform';
import { offline } from './offline';
import { pose } from './pose';
import { sound } from './sound';
import { speed } from './speed';
import { teachx } from './teachx';

const BUNDLES = [
  common,
  digits,
  dream,
  errors,
  files,
  groove,
  image,
  kids,
  lab,
  lesson,
  midi,
  music,
  musicform,
  offline,
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
