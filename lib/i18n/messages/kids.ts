// Messages for the child-friendly pieces shared by every studio: honest numbers (accuracy that
// needs more examples, measured rates), camera states, loading progress and the first steps.
import { defineMessages } from '../define';

export const kids = defineMessages({
  en: {
    'teach.accuracyNeedsMore':
      'It learned from all {count, plural, one {# example} other {# examples}}. To find out how often it is right on new ones, give every class at least {min} examples: then a few are kept aside as a test.',
    'teach.noValidationMin': 'No examples were kept aside for a test: every class needs at least {min}.',
    'image.recordRate': '{rate, plural, one {# picture} other {# pictures}} a second',
    'camera.privacy': 'The camera picture stays on this computer. Nothing is sent anywhere.',
    'camera.start': 'Turn on the camera',
    'camera.starting': 'Turning on the camera…',
    'camera.retry': 'Try again',
    'camera.choose': 'Camera',
    'camera.numbered': 'Camera {n}',
    'camera.missing.title': 'No camera was found.',
    'camera.missing.fix': 'Plug in a camera or switch it on, then press Try again.',
    'camera.busy.title': 'The camera is busy.',
    'camera.busy.fix': 'Another app or browser tab is using it. Close that one, then press Try again.',
    'camera.denied.title': 'The camera is blocked for this page.',
    'camera.denied.fix':
      'Click the camera sign next to the address bar, choose Allow, then press Try again. A grown-up can help.',
    'camera.insecure.title': 'This page is not allowed to use a camera.',
    'camera.insecure.fix':
      'Browsers lend the camera only to secure pages. Open the app from an https:// address, then press Try again.',
    'image.cameraFallback': 'You can still upload pictures instead.',
    'pose.cameraFallback': 'You can still use a photo or a video file instead.',
    'dream.cameraFallback': 'You can still choose a picture file instead.',
    'teach.gettingReady': 'Getting ready to learn… (the first round takes longest)',
    'kids.modelWarmUp': 'Almost ready: the model is looking at its first picture…',
    'backend.kind.webgpu': 'graphics card',
    'backend.kind.webgl': 'graphics card',
    'backend.kind.wasm': 'processor (fast)',
    'backend.kind.cpu': 'processor',
  },
  ko: {
    'teach.accuracyNeedsMore':
      '예시 {count}개를 모두 써서 배웠어요. 처음 보는 것을 얼마나 잘 맞히는지 알아보려면 클래스마다 예시를 {min}개 이상 모아 주세요. 그러면 몇 개는 시험용으로 남겨 둬요.',
    'teach.noValidationMin': '시험용으로 남겨 둔 예시가 없어요. 클래스마다 예시가 {min}개 이상 있어야 해요.',
    'image.recordRate': '1초에 {rate}장',
    'camera.privacy': '카메라 화면은 이 컴퓨터 안에만 있어요. 어디로도 보내지 않아요.',
    'camera.start': '카메라 켜기',
    'camera.starting': '카메라를 켜고 있어요…',
    'camera.retry': '다시 해 보기',
    'camera.choose': '카메라',
    'camera.numbered': '카메라 {n}',
    'camera.missing.title': '카메라를 찾지 못했어요.',
    'camera.missing.fix': '카메라를 꽂거나 켠 다음 다시 해 보기를 눌러요.',
    'camera.busy.title': '카메라를 다른 곳에서 쓰고 있어요.',
    'camera.busy.fix': '카메라를 쓰는 다른 앱이나 탭을 닫은 다음 다시 해 보기를 눌러요.',
    'camera.denied.title': '이 페이지에서는 카메라가 막혀 있어요.',
    'camera.denied.fix':
      '주소창 옆 카메라 표시를 눌러 허용을 고른 다음 다시 해 보기를 눌러요. 어른에게 도움을 받아도 좋아요.',
    'camera.insecure.title': '이 페이지는 카메라를 쓸 수 없어요.',
    'camera.insecure.fix':
      '브라우저는 안전한 페이지에서만 카메라를 빌려줘요. https:// 주소로 앱을 연 다음 다시 해 보기를 눌러요.',
    'image.cameraFallback': '카메라 없이 사진을 올려서 할 수도 있어요.',
    'pose.cameraFallback': '카메라 없이 사진이나 동영상 파일로 할 수도 있어요.',
    'dream.cameraFallback': '카메라 없이 사진 파일을 골라도 돼요.',
    'teach.gettingReady': '배울 준비를 하고 있어요… (첫 번째가 가장 오래 걸려요)',
    'kids.modelWarmUp': '거의 다 됐어요. 모델이 첫 사진을 보고 있어요…',
    'backend.kind.webgpu': '그래픽 카드',
    'backend.kind.webgl': '그래픽 카드',
    'backend.kind.wasm': '프로세서(빠른 방식)',
    'backend.kind.cpu': '프로세서',
  },
});
