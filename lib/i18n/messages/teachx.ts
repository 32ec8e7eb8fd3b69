// Messages of the teachable studios' quick mode, feature updates and standalone exports (teachx.*).
import { defineMessages } from '../define';

export const teachx = defineMessages({
  en: {
    'teachx.quick': 'Quick (nearest examples)',
    'teachx.trained': 'Trained model',
    'teachx.sourceLabel': 'Which model answers',
    'teachx.quickNote':
      'Quick mode compares what it sees with your examples and answers at once. Press Train for a model that usually guesses better.',
    'teachx.addExamples': 'Add an example to any class and the computer starts guessing straight away.',
    'teachx.thinking': 'Looking…',
    'teachx.reextracting': 'Updating your examples for the new picture features: {done} of {total}',
    'teachx.reextracted':
      'Your examples were updated for the new picture features. Train again to make a new model.',
    'teachx.exportPage': 'Export as a web page',
    'teachx.exportPageHint': 'One HTML file that runs anywhere, even from a USB stick, with no internet.',
    'teachx.exportStandalone': 'Export the model for other web pages',
    'teachx.page.camera': 'Camera',
    'teachx.page.picture': 'Choose a picture',
    'teachx.page.loading': 'Loading the model…',
    'teachx.page.noCamera': 'No camera could be started. Choose a picture instead.',
    'teachx.page.made': 'Made with Creative AI Studio. Everything runs on this computer.',
    'teachx.importedModel': 'Imported model',
    'teachx.standaloneLoaded': 'Your exported model is back, with {count} classes.',
    'teachx.exporting': 'Packing the model…',
  },
  ko: {
    'teachx.quick': '빠른 모드 (가장 닮은 예시)',
    'teachx.trained': '학습한 모델',
    'teachx.sourceLabel': '어떤 모델이 답할까요',
    'teachx.quickNote':
      '빠른 모드는 보이는 것을 내 예시와 비교해서 바로 답해요. 학습하기를 누르면 보통 더 잘 맞히는 모델이 생겨요.',
    'teachx.addExamples': '아무 클래스에나 예시를 하나 넣으면 컴퓨터가 바로 맞혀 보기 시작해요.',
    'teachx.thinking': '살펴보는 중…',
    'teachx.reextracting': '새 그림 특징에 맞게 예시를 바꾸는 중: {total}개 중 {done}개',
    'teachx.reextracted': '새 그림 특징에 맞게 예시를 바꿨어요. 새 모델을 만들려면 다시 학습하세요.',
    'teachx.exportPage': '웹 페이지로 내보내기',
    'teachx.exportPageHint': '인터넷 없이 어디서나, USB에서도 열리는 HTML 파일 하나예요.',
    'teachx.exportStandalone': '다른 웹 페이지용 모델 내보내기',
    'teachx.page.camera': '카메라',
    'teachx.page.picture': '그림 고르기',
    'teachx.page.loading': '모델을 불러오는 중…',
    'teachx.page.noCamera': '카메라를 켤 수 없어요. 대신 그림을 고르세요.',
    'teachx.page.made': 'Creative AI Studio로 만들었어요. 모든 계산은 이 컴퓨터에서 해요.',
    'teachx.importedModel': '가져온 모델',
    'teachx.standaloneLoaded': '내보냈던 모델을 다시 불러왔어요. 클래스는 {count}개예요.',
    'teachx.exporting': '모델을 꾸리는 중…',
  },
});
