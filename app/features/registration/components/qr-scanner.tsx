import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { acceptScan, codeFromScan, SCAN_INTERVAL_MS, type LastScan } from "~/features/registration/checkin";
import { useT } from "../../../components/i18n";

type Problem = "denied" | "noCamera" | "unsupported" | "failed";

interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
}
interface Controls {
  stop(): void;
}

/**
 * A QR detector: the browser's own BarcodeDetector where it reads QR codes (Android, macOS,
 * ChromeOS), otherwise the `barcode-detector` ponyfill (ZXing-C++ in WebAssembly), loaded only now.
 */
async function createDetector(): Promise<Detector> {
  const native = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (native) {
    const formats = await native.getSupportedFormats().catch(() => [] as string[]);
    if (formats.includes("qr_code")) return new native({ formats: ["qr_code"] });
  }
  // The decoder's WebAssembly: the build emits it into /build/_assets/ (the compiler's file loader gives its URL),
  // so this app serves it, never a CDN (the CSP allows no other origin, and the venue may be offline).
  const [{ BarcodeDetector, prepareZXingModule }, { default: zxingReaderWasm }] = await Promise.all([
    import("barcode-detector/ponyfill"),
    import("zxing-wasm/reader/zxing_reader.wasm"),
  ]);
  const wasm = new URL(zxingReaderWasm, window.location.href).href;
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? wasm : prefix + path) },
    fireImmediately: true,
  });
  return new BarcodeDetector({ formats: ["qr_code"] });
}

/** Reads the camera picture every SCAN_INTERVAL_MS until stopped; each decoded text goes to `onText`. */
function scanVideo(video: HTMLVideoElement, stream: MediaStream, detector: Detector, onText: (text: string) => void) {
  let stopped = false;
  let timer = 0;
  const tick = async () => {
    if (stopped) return;
    if (video.readyState >= 2) {
      try {
        const [first] = await detector.detect(video);
        if (first?.rawValue && !stopped) onText(first.rawValue);
      } catch {
        // A frame that cannot be read (the camera is settling): try the next one.
      }
    }
    if (!stopped) timer = window.setTimeout(() => void tick(), SCAN_INTERVAL_MS);
  };
  void tick();
  return {
    stop() {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  } satisfies Controls;
}

/** Drawn, not an emoji: phones and kiosks without an emoji font would show a box. */
function CameraIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
      <circle cx="12" cy="13" r="3.5" />
    </svg>
  );
}

function problemOf(error: unknown): Problem {
  const name =
    error instanceof Error || (typeof error === "object" && error && "name" in error)
      ? String((error as { name: unknown }).name)
      : "";
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") return "denied";
  if (name === "NotFoundError" || name === "DevicesNotFoundError" || name === "OverconstrainedError") return "noCamera";
  return "failed";
}

/**
 * The camera scanner: progressive enhancement. Nothing is rendered until the
 * page has hydrated, the camera is asked for only after a click, and the QR
 * detector (with its WebAssembly, where the browser has no native one) is loaded only then. A decoded badge code goes to `onCode`.
 */
export function QrScanner(props: { onCode: (code: string) => void; feedback?: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated ? <ScannerPanel {...props} /> : null;
}

/** `feedback`: the last scan's outcome, shown under the picture so that nothing above it moves. */
function ScannerPanel({ onCode, feedback }: { onCode: (code: string) => void; feedback?: ReactNode }) {
  const t = useT();
  const id = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const controlsRef = useRef<Controls | null>(null);
  const lastRef = useRef<LastScan>({ text: "", at: 0 });
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [phase, setPhase] = useState<"idle" | "starting" | "running">("idle");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [devices, setDevices] = useState<Array<{ deviceId: string; label: string }>>([]);
  const [deviceId, setDeviceId] = useState("");
  const [lastRead, setLastRead] = useState<{ code: string | null } | null>(null);

  const stop = () => {
    controlsRef.current?.stop();
    controlsRef.current = null;
    setPhase("idle");
  };
  const aliveRef = useRef(true);
  useEffect(() => {
    aliveRef.current = true;
    return () => {
      aliveRef.current = false;
      controlsRef.current?.stop();
    };
  }, []);

  const start = async (chosen: string) => {
    setProblem(null);
    setLastRead(null);
    lastRef.current = { text: "", at: 0 };
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(window.isSecureContext ? "noCamera" : "unsupported");
      return;
    }
    controlsRef.current?.stop();
    setPhase("starting");
    let stream: MediaStream | null = null;
    try {
      const video: MediaTrackConstraints = chosen
        ? { deviceId: { exact: chosen } }
        : { facingMode: { ideal: "environment" } };
      stream = await navigator.mediaDevices.getUserMedia({ audio: false, video });
      const detector = await createDetector();
      const element = videoRef.current!;
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      controlsRef.current = scanVideo(element, stream, detector, (text) => {
        const now = Date.now();
        if (!acceptScan(lastRef.current, text, now)) return;
        lastRef.current = { text, at: now };
        const code = codeFromScan(text);
        setLastRead({ code });
        if (!code) return;
        navigator.vibrate?.(80);
        onCodeRef.current(code);
      });
      stream = null;
      // Left the page while the camera was starting: let it go at once.
      if (!aliveRef.current) return controlsRef.current.stop();
      setPhase("running");
      // Camera names are readable only once permission is given; without them the default camera is used.
      const cameras = (await navigator.mediaDevices.enumerateDevices().catch(() => [])).filter(
        (d) => d.kind === "videoinput",
      );
      setDevices(
        cameras.map((c, i) => ({ deviceId: c.deviceId, label: c.label || `${t("checkin.scanner.camera")} ${i + 1}` })),
      );
    } catch (error) {
      for (const track of stream?.getTracks() ?? []) track.stop();
      controlsRef.current = null;
      setPhase("idle");
      setProblem(problemOf(error));
    }
  };

  return (
    <section className="card no-print" aria-labelledby={`${id}-heading`} data-testid="qr-scanner">
      <h2 id={`${id}-heading`}>{t("checkin.scanner.heading")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("checkin.scanner.hint")}</p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        {phase === "idle" ? (
          <button type="button" className="btn-primary" onClick={() => void start(deviceId)}>
            <CameraIcon /> {t("checkin.scanner.start")}
          </button>
        ) : (
          <button
            type="button"
            className="btn-secondary"
            onClick={stop}
            disabled={phase === "starting"}
            aria-busy={phase === "starting" || undefined}
          >
            {phase === "starting" ? t("checkin.scanner.starting") : t("checkin.scanner.stop")}
          </button>
        )}
        {devices.length > 1 ? (
          <div>
            <label htmlFor={`${id}-camera`} className="label">
              {t("checkin.scanner.camera")}
            </label>
            <select
              id={`${id}-camera`}
              className="input"
              value={deviceId}
              onChange={(e) => {
                setDeviceId(e.target.value);
                void start(e.target.value);
              }}
            >
              <option value="">—</option>
              {devices.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {problem ? (
        <p
          role="alert"
          className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
          data-testid="scanner-problem"
        >
          <span aria-hidden="true" className="mr-2 font-bold">
            !
          </span>
          {t(`checkin.scanner.${problem}`)}
        </p>
      ) : null}
      {lastRead ? (
        <p role="status" className="mt-3 text-sm text-slate-700">
          {lastRead.code ? t("checkin.scanner.read", { code: lastRead.code }) : t("checkin.scanner.notCode")}
        </p>
      ) : null}
      <div className="mt-3 grid items-start gap-3 md:grid-cols-2">
        <video
          ref={videoRef}
          className={phase === "idle" ? "hidden" : "aspect-[4/3] w-full rounded-md bg-slate-900 object-cover"}
          aria-label={t("checkin.scanner.preview")}
          muted
          playsInline
        />
        {feedback ? <div>{feedback}</div> : null}
      </div>
    </section>
  );
}
