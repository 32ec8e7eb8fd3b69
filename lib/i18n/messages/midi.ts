// Messages of the Music studio's MIDI panel (Web MIDI output and input).
import { defineMessages } from '../define';

export const midi = defineMessages({
  en: {
    'midi.title': 'MIDI keyboard and synth',
    'midi.lead':
      'Send clips to a synthesizer or music program, or record what you play on a MIDI keyboard as a new clip. Notes go only to your own devices.',
    'midi.connect': 'Connect MIDI',
    'midi.connecting': 'Asking the browser for MIDI…',
    'midi.connect.hint': 'The browser may ask whether this page may use your MIDI devices.',
    'midi.unsupported':
      'This browser has no Web MIDI, so keyboards and synths cannot be connected here. Chrome and Edge have it. Everything else in the studio works without it.',
    'midi.insecure':
      'Web MIDI only works on a secure page (an https:// address or localhost). Open the studio from such an address to connect MIDI devices.',
    'midi.denied':
      'Permission to use MIDI was denied. Allow MIDI for this site in the browser’s site settings, then click Connect MIDI again.',
    'midi.failed': 'MIDI could not start: {message}',
    'midi.disconnected': 'The MIDI device was unplugged or switched off. Choose another one.',
    'midi.noOutputs':
      'No MIDI devices found to send to. Plug in a synth or start a music program with a MIDI input; this list updates by itself.',
    'midi.noInputs':
      'No MIDI keyboards found. Plug one in (or start a virtual MIDI port); this list updates by itself.',
    'midi.output.legend': 'Play clips on a MIDI device',
    'midi.input.legend': 'Record from a MIDI keyboard',
    'midi.output': 'MIDI output',
    'midi.input': 'MIDI input',
    'midi.channel': 'Melody channel',
    'midi.channel.hint': 'Drum clips always use channel 10, the General MIDI drum channel.',
    'midi.send': 'Send to MIDI',
    'midi.send.named': 'Send “{name}” to MIDI',
    'midi.stop': 'Stop MIDI',
    'midi.stop.named': 'Stop sending “{name}”',
    'midi.sending': 'Sending “{name}” to {device}…',
    'midi.monitor': 'Play the notes I play here too',
    'midi.record': 'Record',
    'midi.record.stop': 'Stop recording',
    'midi.recording': 'Recording… {n} notes so far. Play on your MIDI keyboard.',
    'midi.record.hint':
      'The clip starts at your first note and snaps to sixteenth notes at the studio’s tempo. Use it with Continue like any other clip.',
    'midi.recorded': 'Recorded {n} notes into “{name}”. It is selected, so Continue will use it.',
    'midi.recorded.empty': 'No notes were played while recording, so no clip was made.',
    'midi.name.recording': 'MIDI recording {n}',
  },
  ko: {
    'midi.title': 'MIDI 건반과 신시사이저',
    'midi.lead':
      '클립을 신시사이저나 음악 프로그램으로 보내거나, MIDI 건반으로 연주한 것을 새 클립으로 녹음해요. 음은 내 기기로만 가요.',
    'midi.connect': 'MIDI 연결',
    'midi.connecting': '브라우저에 MIDI 사용을 요청하는 중…',
    'midi.connect.hint': '브라우저가 이 페이지에서 MIDI 기기를 써도 되는지 물어볼 수 있어요.',
    'midi.unsupported':
      '이 브라우저에는 Web MIDI가 없어서 건반이나 신시사이저를 연결할 수 없어요. Chrome과 Edge에는 있어요. 스튜디오의 다른 기능은 모두 그대로 쓸 수 있어요.',
    'midi.insecure':
      'Web MIDI는 안전한 페이지(https:// 주소나 localhost)에서만 작동해요. 그런 주소로 스튜디오를 열어서 MIDI 기기를 연결하세요.',
    'midi.denied':
      'MIDI 사용 권한이 거부되었어요. 브라우저의 사이트 설정에서 이 사이트의 MIDI를 허용한 뒤 ‘MIDI 연결’을 다시 누르세요.',
    'midi.failed': 'MIDI를 시작하지 못했어요: {message}',
    'midi.disconnected': 'MIDI 기기가 뽑혔거나 꺼졌어요. 다른 기기를 고르세요.',
    'midi.noOutputs':
      '보낼 MIDI 기기를 찾지 못했어요. 신시사이저를 꽂거나 MIDI 입력이 있는 음악 프로그램을 켜세요. 목록은 저절로 새로 고쳐져요.',
    'midi.noInputs':
      'MIDI 건반을 찾지 못했어요. 건반을 꽂거나 가상 MIDI 포트를 켜세요. 목록은 저절로 새로 고쳐져요.',
    'midi.output.legend': 'MIDI 기기로 클립 연주하기',
    'midi.input.legend': 'MIDI 건반으로 녹음하기',
    'midi.output': 'MIDI 출력',
    'midi.input': 'MIDI 입력',
    'midi.channel': '멜로디 채널',
    'midi.channel.hint': '드럼 클립은 언제나 General MIDI 드럼 채널인 10번 채널을 써요.',
    'midi.send': 'MIDI로 보내기',
    'midi.send.named': '“{name}”을(를) MIDI로 보내기',
    'midi.stop': 'MIDI 멈추기',
    'midi.stop.named': '“{name}” 보내기 멈추기',
    'midi.sending': '“{name}”을(를) {device}(으)로 보내는 중…',
    'midi.monitor': '내가 연주하는 음을 여기서도 소리 내기',
    'midi.record': '녹음',
    'midi.record.stop': '녹음 멈추기',
    'midi.recording': '녹음 중… 지금까지 {n}개 음. MIDI 건반으로 연주하세요.',
    'midi.record.hint':
      '클립은 첫 음에서 시작하고, 스튜디오 빠르기에 맞춰 16분음표 칸에 맞춰져요. 다른 클립처럼 ‘이어 만들기’에 쓸 수 있어요.',
    'midi.recorded': '{n}개 음을 “{name}”에 녹음했어요. 선택되어 있으니 이어 만들기에 쓰여요.',
    'midi.recorded.empty': '녹음하는 동안 연주한 음이 없어서 클립을 만들지 않았어요.',
    'midi.name.recording': 'MIDI 녹음 {n}',
  },
});
