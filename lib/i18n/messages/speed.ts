// Messages for the fast engines: the Playground's engine choice and why the automatic engine picks WebAssembly.
import { defineMessages } from '../define';

export const speed = defineMessages({
  en: {
    'lab.pg.engine': 'Engine',
    'lab.pg.engine.js': 'Fast JavaScript engine',
    'lab.pg.engine.tfjs': 'TensorFlow.js',
    'lab.pg.engineHint.js':
      'Does the same sums as TensorFlow.js, straight on arrays of numbers: fast for networks this small.',
    'lab.pg.engineHint.tfjs':
      'The same network on TensorFlow.js tensors, the way bigger models in this app are trained. Slower here: every small sum is a separate tensor operation.',
    'backend.softwareGpu':
      'Your graphics card is simulated by the processor ({renderer}), so WebAssembly is faster here; the automatic choice uses it.',
  },
  ko: {
    'lab.pg.engine': '엔진',
    'lab.pg.engine.js': '빠른 자바스크립트 엔진',
    'lab.pg.engine.tfjs': 'TensorFlow.js',
    'lab.pg.engineHint.js':
      'TensorFlow.js와 같은 계산을 숫자 배열에서 바로 해요. 이렇게 작은 신경망에서는 빨라요.',
    'lab.pg.engineHint.tfjs':
      '같은 신경망을 TensorFlow.js 텐서로 돌려요. 이 앱의 더 큰 모델이 배우는 방식이에요. 작은 계산 하나하나가 텐서 연산이라 여기서는 더 느려요.',
    'backend.softwareGpu':
      '그래픽 카드를 프로세서가 흉내 내고 있어서({renderer}) 여기서는 웹어셈블리가 더 빨라요. 자동 선택은 웹어셈블리를 써요.',
  },
});
