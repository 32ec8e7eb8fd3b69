// Messages of the Music studio's Groove and Drumify panel (GrooVAE models).
import { defineMessages } from '../define';

export const groove = defineMessages({
  en: {
    'groove.title': 'Groove and Drumify',
    'groove.lead':
      'Two networks that learned from real drummers. Groove plays a stiff, quantised beat the way a drummer would: louder and softer hits, a little ahead of or behind the beat. Drumify turns any rhythm into a full drum beat.',
    'groove.checking': 'Looking for the Groove models…',
    'groove.unavailable':
      'Groove and Drumify are not available: the GrooVAE models are not installed on this site (public/models/music/groovae_2bar_humanize and groovae_2bar_tap).',
    'groove.groove': 'Groove a drum clip',
    'groove.groove.clip': 'Drum clip',
    'groove.choose': 'Choose a clip…',
    'groove.groove.none': 'Make or load a drum clip first (for example with "Generate drums").',
    'groove.groove.go': 'Groove it',
    'groove.temperature': 'Surprise',
    'groove.temperature.hint':
      'Groove keeps every hit of your clip and changes only how loud and how early or late each one is played. 0 plays the version the network finds likeliest; higher values vary it more (Drumify may then add or drop hits), differently each time.',
    'groove.drumify': 'Drumify a rhythm',
    'groove.drumify.source': 'Rhythm from',
    'groove.drumify.taps': 'My taps (below)',
    'groove.drumify.go': 'Drumify',
    'groove.drumify.hint':
      'Every note counts as one tap, whatever its pitch, so a melody or a single drum works too. Only when notes start matters.',
    'groove.tap.grid': 'Rhythm grid (2 bars)',
    'groove.tap.step': 'Step {n}',
    'groove.tap.button': 'Tap',
    'groove.tap.hint':
      'Click the squares, or press Tap (or Space on it) in time at the tempo above: your first tap is the start of bar 1, and your timing is kept.',
    'groove.tap.count': '{n} taps in 2 bars',
    'groove.tap.clear': 'Clear taps',
    'groove.tap.empty': 'Tap a rhythm first: click a few squares or press Tap.',
    'groove.busy.loading': 'Loading the model…',
    'groove.busy.working': 'Working on bars {from}–{to}…',
    'groove.cancel': 'Cancel',
    'groove.cancelled': 'Cancelled. No clip was made.',
    'groove.done': 'Made "{name}" with {n} notes.',
    'groove.error': 'That did not work: {message}',
    'groove.name.groove': '{name} (groove)',
    'groove.name.drumify': '{name} (drumified)',
    'groove.name.taps': 'Tapped beat',
    'groove.credit':
      'Groove and Drumify are GrooVAE models we trained on the Groove MIDI Dataset, after Gillick, Roberts, Engel, Eck & Bamman, "Learning to Groove with Inverse Sequence Transformations", ICML 2019 (data CC BY 4.0).',
  },
  ko: {
    'groove.title': '그루브와 드러마이즈',
    'groove.lead':
      '실제 드러머에게서 배운 두 신경망이에요. 그루브는 박자에 딱 맞춘 딱딱한 비트를 드러머처럼 연주해요. 세고 약한 타격, 박자보다 살짝 앞서거나 늦게요. 드러마이즈는 어떤 리듬이든 온전한 드럼 비트로 바꿔요.',
    'groove.checking': '그루브 모델을 찾고 있어요…',
    'groove.unavailable':
      '그루브와 드러마이즈를 쓸 수 없어요. 이 사이트에 GrooVAE 모델이 설치되어 있지 않아요 (public/models/music/groovae_2bar_humanize, groovae_2bar_tap).',
    'groove.groove': '드럼 클립에 그루브 넣기',
    'groove.groove.clip': '드럼 클립',
    'groove.choose': '클립을 고르세요…',
    'groove.groove.none': '먼저 드럼 클립을 만들거나 불러오세요 (예: "드럼 만들기").',
    'groove.groove.go': '그루브 넣기',
    'groove.temperature': '의외성',
    'groove.temperature.hint':
      '그루브는 클립의 타격을 하나도 빼지 않고, 각 타격의 세기와 살짝 앞서거나 늦는 정도만 바꿔요. 0이면 신경망이 가장 그럴듯하다고 보는 대로 연주하고, 값이 크면 할 때마다 더 다양하게 연주해요 (드러마이즈는 이때 타격을 더하거나 뺄 수도 있어요).',
    'groove.drumify': '리듬을 드럼 비트로',
    'groove.drumify.source': '리듬 가져올 곳',
    'groove.drumify.taps': '내가 두드린 리듬 (아래)',
    'groove.drumify.go': '드러마이즈',
    'groove.drumify.hint':
      '음 높이와 상관없이 모든 음이 한 번의 두드림이에요. 그래서 멜로디나 드럼 하나로도 돼요. 음이 시작하는 때만 중요해요.',
    'groove.tap.grid': '리듬 격자 (2마디)',
    'groove.tap.step': '{n}번째 칸',
    'groove.tap.button': '두드리기',
    'groove.tap.hint':
      '네모를 누르거나, 위의 빠르기에 맞춰 두드리기 버튼을 누르세요 (버튼에서 스페이스 키도 돼요). 첫 두드림이 1마디의 시작이고, 내 타이밍이 그대로 남아요.',
    'groove.tap.count': '2마디에 {n}번 두드림',
    'groove.tap.clear': '두드림 지우기',
    'groove.tap.empty': '먼저 리듬을 두드리세요. 네모 몇 개를 누르거나 두드리기 버튼을 누르세요.',
    'groove.busy.loading': '모델을 불러오고 있어요…',
    'groove.busy.working': '{from}–{to}마디를 만들고 있어요…',
    'groove.cancel': '취소',
    'groove.cancelled': '취소했어요. 클립은 만들지 않았어요.',
    'groove.done': '"{name}" 클립을 만들었어요 (음 {n}개).',
    'groove.error': '잘 안 됐어요: {message}',
    'groove.name.groove': '{name} (그루브)',
    'groove.name.drumify': '{name} (드러마이즈)',
    'groove.name.taps': '두드려 만든 비트',
    'groove.credit':
      '그루브와 드러마이즈는 우리가 Groove MIDI Dataset으로 학습한 GrooVAE 모델이에요. Gillick, Roberts, Engel, Eck, Bamman의 논문(ICML 2019)을 따랐어요 (데이터 CC BY 4.0).',
  },
});
