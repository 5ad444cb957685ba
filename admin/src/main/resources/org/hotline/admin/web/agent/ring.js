// An offer the agent must not miss: while the agent's phone rings, a banner over the page, the
// caller in the tab's title (blinking while the tab is hidden) and a short ring made with the Web
// Audio API. The agent answers on the phone: the page only says so.

import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** Seconds between two rings. */
const RING_EVERY_S = 4;

/** The ringing alert. */
export class RingAlert {
  /** {caller, queue} of the call ringing, or null. */
  #ringing = null;
  #blinkOn = false;
  #sinceRing = 0;
  #audio = null;

  constructor() {
    // Browsers let a page make sound once the user acted on it: the audio context is made then.
    const unlock = () => this.#context();
    document.addEventListener('pointerdown', unlock, { capture: true });
    document.addEventListener('keydown', unlock, { capture: true });
  }

  /** Whether a call is ringing. */
  get ringing() {
    return this.#ringing !== null;
  }

  /** The phone rings: caller is the name or number to show, queue the queue or null. */
  start(caller, queue) {
    const first = this.#ringing === null;
    this.#ringing = { caller, queue };
    this.render();
    if (first) {
      this.#sinceRing = 0;
      this.#ring();
    }
  }

  /** The phone stopped ringing (answered, taken elsewhere, or the caller gave up). */
  stop() {
    if (this.#ringing === null) {
      return;
    }
    this.#ringing = null;
    this.render();
  }

  render() {
    const banner = $('ring-banner');
    const ringing = this.#ringing;
    banner.hidden = ringing === null;
    if (ringing === null) {
      document.title = t('app.title');
      return;
    }
    $('ring-caller').textContent = t('ring.from', { caller: ringing.caller || t('ring.unknownCaller') });
    $('ring-queue').textContent = ringing.queue ? t('ring.queue', { queue: ringing.queue }) : '';
    $('ring-queue').hidden = !ringing.queue;
    this.#title();
  }

  /** Called every second: blinks the title while the tab is hidden, rings again now and then. */
  tick() {
    if (this.#ringing === null) {
      return;
    }
    this.#blinkOn = !this.#blinkOn;
    this.#title();
    this.#sinceRing++;
    if (this.#sinceRing >= RING_EVERY_S) {
      this.#sinceRing = 0;
      this.#ring();
    }
  }

  #title() {
    const steady = !document.hidden || this.#blinkOn;
    document.title = steady ? t('ring.title', { caller: this.#ringing.caller || t('ring.unknownCaller') }) : t('app.title');
  }

  /** The audio context, made on the first user action where the browser has one. */
  #context() {
    if (this.#audio === null && typeof AudioContext === 'function') {
      try {
        this.#audio = new AudioContext();
      } catch {
        this.#audio = false;
      }
    }
    if (this.#audio && this.#audio.state === 'suspended') {
      this.#audio.resume().catch(() => {});
    }
    return this.#audio || null;
  }

  /** Two short tones; nothing when the browser does not let the page play sound. */
  #ring() {
    const banner = $('ring-banner');
    const audio = this.#audio || null;
    if (!audio || audio.state !== 'running') {
      banner.dataset.sound = 'blocked';
      return;
    }
    try {
      const now = audio.currentTime;
      for (const offset of [0, 0.45]) {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 480;
        gain.gain.setValueAtTime(0.0001, now + offset);
        gain.gain.exponentialRampToValueAtTime(0.15, now + offset + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.35);
        tone.connect(gain).connect(audio.destination);
        tone.start(now + offset);
        tone.stop(now + offset + 0.4);
      }
      banner.dataset.sound = 'played';
    } catch {
      banner.dataset.sound = 'blocked';
    }
  }
}
