// The Sound studio's microphone tap (components/media/microphone.ts): runs on the audio thread and
// posts blocks of ~2048 mono samples (128 per call would flood the main thread with messages). A
// file of our origin, not a blob: URL, so the strict Content-Security-Policy (script-src 'self')
// lets the AudioWorklet load it.
class CaisTap extends AudioWorkletProcessor {
  constructor() { super(); this.buf = new Float32Array(2048); this.n = 0; }
  process(inputs) {
    const chans = inputs[0];
    if (chans && chans.length) {
      const len = chans[0].length;
      for (let i = 0; i < len; i++) {
        let s = 0;
        for (let c = 0; c < chans.length; c++) s += chans[c][i];
        this.buf[this.n++] = s / chans.length;
        if (this.n === this.buf.length) { this.port.postMessage(this.buf.slice()); this.n = 0; }
      }
    }
    return true;
  }
}
registerProcessor('cais-tap', CaisTap);
