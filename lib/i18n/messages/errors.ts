// Every error code in the reader's language (lib/errors.ts ERROR_CODES, plus the browser's own errors).
import { defineMessages } from '../define';

export const errors = defineMessages({
  en: {
    'errors.config': 'A setting has a value that cannot be used. Pick another value and try again.',
    'errors.model-load':
      'A model could not be loaded. Reload the page; without internet, make this studio available offline first.',
    'errors.backend':
      'The computing engine stopped working. Choose another engine in Engine settings, or reload.',
    'errors.input': 'This cannot be used here. Check the file or what you entered, and try again.',
    'errors.inputItem': '“{item}” cannot be used here. Check the file and try again.',
    'errors.diverged': 'Training went wrong: the numbers grew far too big. Try a smaller learning rate.',
    'errors.midi-unsupported': 'This browser cannot talk to MIDI instruments. Try Chrome or Edge.',
    'errors.midi-insecure': 'MIDI only works on a secure (https) page.',
    'errors.midi-denied':
      'The browser was not allowed to use MIDI. Allow it in the address bar and try again.',
    'errors.midi-no-devices': 'No MIDI instrument is connected.',
    'errors.midi-disconnected': 'The MIDI instrument was unplugged.',
    'errors.midi-failed': 'MIDI stopped working. Reconnect the instrument and try again.',
    'errors.permission':
      'The browser was not allowed to use the camera or microphone. Allow it in the address bar and try again.',
    'errors.no-device': 'No camera or microphone was found.',
    'errors.device-busy': 'The camera or microphone is being used by another app. Close it and try again.',
    'errors.storage-full': 'This browser has no room left to save. Delete old projects on the Privacy page.',
    'errors.aborted': 'Stopped.',
    'errors.network':
      'The files could not be reached. Without internet, make this studio available offline first.',
    'errors.unknown': 'Something unexpected went wrong. Try again, or reload the page.',
    'errors.details': 'Details',
  },
  ko: {
    'errors.config': '설정 값 중 하나를 쓸 수 없어요. 다른 값을 골라 다시 해 보세요.',
    'errors.model-load':
      '모델을 불러오지 못했어요. 페이지를 새로 고쳐 보세요. 인터넷이 없다면 먼저 이 스튜디오를 오프라인용으로 받아 두세요.',
    'errors.backend': '계산 엔진이 멈췄어요. 엔진 설정에서 다른 엔진을 고르거나 새로 고쳐 보세요.',
    'errors.input': '이것은 여기서 쓸 수 없어요. 파일이나 입력한 내용을 확인하고 다시 해 보세요.',
    'errors.inputItem': '“{item}”은(는) 여기서 쓸 수 없어요. 파일을 확인하고 다시 해 보세요.',
    'errors.diverged': '훈련이 잘못됐어요. 숫자가 너무 커졌어요. 학습률을 더 작게 해 보세요.',
    'errors.midi-unsupported': '이 브라우저는 MIDI 악기와 연결할 수 없어요. Chrome이나 Edge를 써 보세요.',
    'errors.midi-insecure': 'MIDI는 보안(https) 페이지에서만 작동해요.',
    'errors.midi-denied': '브라우저가 MIDI를 쓰도록 허락받지 못했어요. 주소창에서 허용하고 다시 해 보세요.',
    'errors.midi-no-devices': '연결된 MIDI 악기가 없어요.',
    'errors.midi-disconnected': 'MIDI 악기 연결이 끊겼어요.',
    'errors.midi-failed': 'MIDI가 멈췄어요. 악기를 다시 연결하고 다시 해 보세요.',
    'errors.permission':
      '브라우저가 카메라나 마이크를 쓰도록 허락받지 못했어요. 주소창에서 허용하고 다시 해 보세요.',
    'errors.no-device': '카메라나 마이크를 찾을 수 없어요.',
    'errors.device-busy': '다른 앱이 카메라나 마이크를 쓰고 있어요. 그 앱을 닫고 다시 해 보세요.',
    'errors.storage-full':
      '브라우저에 저장할 공간이 없어요. 개인정보 페이지에서 오래된 프로젝트를 지워 주세요.',
    'errors.aborted': '멈췄어요.',
    'errors.network':
      '파일에 연결할 수 없어요. 인터넷이 없다면 먼저 이 스튜디오를 오프라인용으로 받아 두세요.',
    'errors.unknown': '예상하지 못한 문제가 생겼어요. 다시 해 보거나 페이지를 새로 고쳐 보세요.',
    'errors.details': '자세히',
  },
});
