// Messages of the Music studio's form, harmony and "learn from my MIDI" tools.
import { defineMessages } from '../define';

export const musicform = defineMessages({
  en: {
    'musicform.form': 'Form of a long melody',
    'musicform.form.free': 'Free (no plan)',
    'musicform.form.AABA': 'AABA (tune, tune, bridge, tune)',
    'musicform.form.AABB': 'AABB (tune twice, answer twice)',
    'musicform.form.hint':
      'Real tunes play a phrase and come back to it. With a form, the model writes phrase A, then B that continues from it, and repeats A (its ending a little changed). Works for 8, 12, 16 … 32 bars.',
    'musicform.form.needsBars': 'A form needs a length of 8, 12, 16, 20, 24, 28 or 32 bars.',
  },
  ko: {
    'musicform.form': '긴 멜로디의 형식',
    'musicform.form.free': '자유 (계획 없음)',
    'musicform.form.AABA': 'AABA (주제, 주제, 다리, 주제)',
    'musicform.form.AABB': 'AABB (주제 두 번, 대답 두 번)',
    'musicform.form.hint':
      '진짜 노래는 한 악절을 들려주고 다시 돌아와요. 형식을 고르면 모델이 악절 A를 쓰고, 이어서 B를 쓴 뒤, A를 다시 들려줘요(끝은 조금 바꿔서). 8, 12, 16 … 32마디에서 쓸 수 있어요.',
    'musicform.form.needsBars': '형식을 쓰려면 길이가 8, 12, 16, 20, 24, 28, 32마디 중 하나여야 해요.',
  },
});
