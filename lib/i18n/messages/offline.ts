// Messages for offline use: "Make available offline", the update prompt and the offline page.
import { defineMessages } from '../define';

export const offline = defineMessages({
  en: {
    'offline.title': 'Use it without internet',
    'offline.explain':
      'Download what this studio needs once, and it keeps working when the Wi-Fi drops. Files stay in this browser.',
    'offline.explainAll':
      'Download every studio once, and the whole app keeps working when the Wi-Fi drops. Files stay in this browser.',
    'offline.button': 'Make available offline ({size})',
    'offline.buttonAll': 'Make everything available offline ({size})',
    'offline.downloading': 'Downloading for offline use',
    'offline.detail': '{loaded} of {total}',
    'offline.ready': 'Ready offline',
    'offline.readyAll': 'Every studio is ready offline',
    'offline.notReady': 'Needs {size} to work offline',
    'offline.nothing': 'Nothing to download: this studio works offline already.',
    'offline.checking': 'Checking what is saved…',
    'offline.failed': 'The download stopped: {message}',
    'offline.unsupported': 'This browser cannot keep files for offline use.',
    'offline.update': 'A new version is ready.',
    'offline.reload': 'Reload',
    'offline.page.title': 'You are offline',
    'offline.page.body':
      'This page was not saved on this device yet, and the internet is not reachable. Studios you made available offline still work.',
    'offline.page.hint':
      'Next time you are online, open the home page and press "Make everything available offline".',
    'offline.page.home': 'Go to the home page',
    'offline.page.retry': 'Try again',
    'offline.privacy.title': 'Files kept for offline use',
    'offline.privacy.body':
      'The pages, fonts, engines and models you downloaded for offline use are kept in the browser cache. "Delete all my local data" removes them too.',
    'offline.privacy.cache': '{name}: {entries} files',
    'offline.privacy.none': 'No files are kept for offline use.',
  },
  ko: {
    'offline.title': '인터넷 없이 쓰기',
    'offline.explain':
      '이 스튜디오에 필요한 것을 한 번 내려받으면 와이파이가 끊겨도 계속 작동해요. 파일은 이 브라우저에만 저장돼요.',
    'offline.explainAll':
      '모든 스튜디오를 한 번 내려받으면 와이파이가 끊겨도 앱 전체가 계속 작동해요. 파일은 이 브라우저에만 저장돼요.',
    'offline.button': '오프라인에서 쓸 수 있게 받기 ({size})',
    'offline.buttonAll': '모두 오프라인에서 쓸 수 있게 받기 ({size})',
    'offline.downloading': '오프라인용으로 내려받는 중',
    'offline.detail': '{total} 중 {loaded}',
    'offline.ready': '오프라인 준비 완료',
    'offline.readyAll': '모든 스튜디오가 오프라인 준비 완료',
    'offline.notReady': '오프라인에서 쓰려면 {size}가 필요해요',
    'offline.nothing': '내려받을 것이 없어요. 이 스튜디오는 이미 오프라인에서 작동해요.',
    'offline.checking': '저장된 것을 확인하는 중…',
    'offline.failed': '내려받기가 멈췄어요: {message}',
    'offline.unsupported': '이 브라우저는 오프라인용 파일을 저장할 수 없어요.',
    'offline.update': '새 버전이 준비됐어요.',
    'offline.reload': '새로 고침',
    'offline.page.title': '오프라인 상태예요',
    'offline.page.body':
      '이 페이지는 아직 이 기기에 저장되지 않았고, 인터넷에 연결할 수 없어요. 오프라인용으로 받아 둔 스튜디오는 그대로 작동해요.',
    'offline.page.hint': '다음에 온라인일 때 홈 화면에서 "모두 오프라인에서 쓸 수 있게 받기"를 눌러 주세요.',
    'offline.page.home': '홈으로 가기',
    'offline.page.retry': '다시 시도',
    'offline.privacy.title': '오프라인용으로 저장된 파일',
    'offline.privacy.body':
      '오프라인용으로 받은 페이지, 글꼴, 엔진, 모델은 브라우저 캐시에 저장돼요. "내 로컬 데이터 모두 지우기"를 누르면 이것도 지워져요.',
    'offline.privacy.cache': '{name}: 파일 {entries}개',
    'offline.privacy.none': '오프라인용으로 저장된 파일이 없어요.',
  },
});
