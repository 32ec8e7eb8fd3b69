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
    'musicform.harmony': 'Chords under a melody',
    'musicform.harmony.clip': 'Melody',
    'musicform.harmony.choose': 'Choose a melody…',
    'musicform.harmony.chords': 'Chords',
    'musicform.harmony.style': 'How to play them',
    'musicform.harmony.style.block': 'Block chords (held together)',
    'musicform.harmony.style.broken': 'Broken chords (one note after another)',
    'musicform.harmony.rhythm': 'How long each chord lasts',
    'musicform.harmony.rhythm.spread': 'Share the clip evenly',
    'musicform.harmony.rhythm.bars': '{n} bar(s) each, then repeat',
    'musicform.harmony.go': 'Add chords',
    'musicform.harmony.hint':
      'Makes a copy of the melody with a second part: the chords, played low and soft. Saving it as .mid puts the chords on their own track.',
    'musicform.harmony.name': '{name} + chords',
  },
  ko: {
    'musicform.form': '긴 멜로디의 형식',
    'musicform.form.free': '자유 (계획 없음)',
    'musicform.form.AABA': 'AABA (주제, 주제, 다리, 주제)',
    'musicform.form.AABB': 'AABB (주제 두 번, 대답 두 번)',
    'musicform.form.hint':
      '진짜 노래는 한 악절을 들려주고 다시 돌아와요. 형식을 고르면 모델이 악절 A를 쓰고, 이어서 B를 쓴 뒤, A를 다시 들려줘요(끝은 조금 바꿔서). 8, 12, 16 … 32마디에서 쓸 수 있어요.',
    'musicform.form.needsBars': '형식을 쓰려면 길이가 8, 12, 16, 20, 24, 28, 32마디 중 하나여야 해요.',
    'musicform.harmony': '멜로디 아래 화음',
    'musicform.harmony.clip': '멜로디',
    'musicform.harmony.choose': '멜로디를 골라요…',
    'musicform.harmony.chords': '코드',
    'musicform.harmony.style': '연주 방법',
    'musicform.harmony.style.block': '한꺼번에 (블록 코드)',
    'musicform.harmony.style.broken': '하나씩 차례로 (분산 화음)',
    'musicform.harmony.rhythm': '코드 하나의 길이',
    'musicform.harmony.rhythm.spread': '클립에 고르게 나누기',
    'musicform.harmony.rhythm.bars': '하나에 {n}마디, 그다음 반복',
    'musicform.harmony.go': '화음 넣기',
    'musicform.harmony.hint':
      '멜로디를 복사해서 두 번째 파트를 더해요: 낮고 부드럽게 치는 코드예요. .mid로 저장하면 코드가 따로 한 트랙이 돼요.',
    'musicform.harmony.name': '{name} + 화음',
  },
});
