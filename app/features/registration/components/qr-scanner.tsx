import type { IScannerControls } from "@zxing/browser";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { codeFromScan } from "~/features/registration/checkin";
import { useT } from "../../../components/i18n";

type Problem = "denied" | "noCamera" | "unsupported" | "failed";

/**
 * Quiet time after any read, and a longer one for the same badge, which is often
 * still in the picture: it is submitted once (restarting the camera allows a retry).
 */
const PAUSE_MS = 2500;
const SAME_CODE_MS = 60_000;

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
 * library is loaded only then. A decoded badge code goes to `onCode`.
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
  const controlsRef = useRef<IScannerControls | null>(null);
  const lastRef = useRef({ text: "", at: 0 });
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
    try {
      const { BrowserCodeReader, BrowserQRCodeReader } = await import("@zxing/browser");
      const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 200 });
      const video: MediaTrackConstraints = chosen
        ? { deviceId: { exact: chosen } }
        : { facingMode: { ideal: "environment" } };
      controlsRef.current = await reader.decodeFromConstraints({ audio: false, video }, videoRef.current!, (result) => {
        if (!result) return;
        const text = result.getText();
        const now = Date.now();
        const last = lastRef.current;
        if (now - last.at < PAUSE_MS || (text === last.text && now - last.at < SAME_CODE_MS)) return;
        lastRef.current = { text, at: now };
        const code = codeFromScan(text);
        setLastRead({ code });
        if (!code) return;
        navigator.vibrate?.(80);
        onCodeRef.current(code);
      });
      // Left the page while the camera was starting: let it go at once.
      if (!aliveRef.current) return controlsRef.current.stop();
      setPhase("running");
      // Camera names are readable only once permission is given; without them the default camera is used.
      const cameras = await BrowserCodeReader.listVideoInputDevices().catch(() => []);
      setDevices(
        cameras.map((c, i) => ({ deviceId: c.deviceId, label: c.label || `${t("checkin.scanner.camera")} ${i + 1}` })),
      );
    } catch (error) {
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
