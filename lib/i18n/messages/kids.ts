// Messages for the child-friendly pieces shared by every studio: honest numbers (accuracy that
// needs more examples, measured rates), camera states, loading progress and the first steps.
import { defineMessages } from '../define';

export const kids = defineMessages({
  en: {
    'teach.accuracyNeedsMore':
      'It learned from all {count, plural, one {# example} other {# examples}}. To find out how often it is right on new ones, give every class at least {min} examples: then a few are kept aside as a test.',
    'teach.noValidationMin': 'No examples were kept aside for a test: every class needs at least {min}.',
    'image.recordRate': '{rate, plural, one {# picture} other {# pictures}} a second',
  },
  ko: {
    'teach.accuracyNeedsMore':
      '예시 {count}개를 모두 써서 배웠어요. 처음 보는 것을 얼마나 잘 맞히는지 알아보려면 클래스마다 예시를 {min}개 이상 모아 주세요. 그러면 몇 개는 시험용으로 남겨 둬요.',
    'teach.noValidationMin': '시험용으로 남겨 둔 예시가 없어요. 클래스마다 예시가 {min}개 이상 있어야 해요.',
    'image.recordRate': '1초에 {rate}장',
  },
});
