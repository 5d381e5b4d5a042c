import type { IScannerControls } from "@zxing/browser";
import { useEffect, useId, useRef, useState } from "react";
import { codeFromScan } from "~/lib/checkin";
import { useT } from "./i18n";

type Problem = "denied" | "noCamera" | "unsupported" | "failed";

/** Quiet time after a read, so one badge held in front of the camera is submitted once. */
const PAUSE_MS = 2500;
const SAME_CODE_MS = 8000;

function problemOf(error: unknown): Problem {
  const name = error instanceof Error || (typeof error === "object" && error && "name" in error) ? String((error as { name: unknown }).name) : "";
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") return "denied";
  if (name === "NotFoundError" || name === "DevicesNotFoundError" || name === "OverconstrainedError") return "noCamera";
  return "failed";
}

/**
 * The camera scanner: progressive enhancement. Nothing is rendered until the
 * page has hydrated, the camera is asked for only after a click, and the QR
 * library is loaded only then. A decoded badge code goes to `onCode`.
 */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated ? <ScannerPanel onCode={onCode} /> : null;
}

function ScannerPanel({ onCode }: { onCode: (code: string) => void }) {
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
  const [lastRead, setLastRead] = useState<{ code: string | null; text: string } | null>(null);

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
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(window.isSecureContext ? "noCamera" : "unsupported");
      return;
    }
    controlsRef.current?.stop();
    setPhase("starting");
    try {
      const { BrowserCodeReader, BrowserQRCodeReader } = await import("@zxing/browser");
      const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 200 });
      const video: MediaTrackConstraints = chosen ? { deviceId: { exact: chosen } } : { facingMode: { ideal: "environment" } };
      controlsRef.current = await reader.decodeFromConstraints({ audio: false, video }, videoRef.current!, (result) => {
        if (!result) return;
        const text = result.getText();
        const now = Date.now();
        const last = lastRef.current;
        if (now - last.at < PAUSE_MS || (text === last.text && now - last.at < SAME_CODE_MS)) return;
        lastRef.current = { text, at: now };
        const code = codeFromScan(text);
        setLastRead({ code, text });
        if (!code) return;
        navigator.vibrate?.(80);
        onCodeRef.current(code);
      });
      // Left the page while the camera was starting: let it go at once.
      if (!aliveRef.current) return controlsRef.current.stop();
      setPhase("running");
      // Camera names are readable only once permission is given.
      const cameras = await BrowserCodeReader.listVideoInputDevices();
      setDevices(cameras.map((c, i) => ({ deviceId: c.deviceId, label: c.label || `${t("checkin.scanner.camera")} ${i + 1}` })));
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
            <span aria-hidden="true">📷</span> {t("checkin.scanner.start")}
          </button>
        ) : (
          <button type="button" className="btn-secondary" onClick={stop} disabled={phase === "starting"} aria-busy={phase === "starting" || undefined}>
            {phase === "starting" ? t("checkin.scanner.starting") : t("checkin.scanner.stop")}
          </button>
        )}
        {devices.length > 1 ? (
          <div>
            <label htmlFor={`${id}-camera`} className="label">{t("checkin.scanner.camera")}</label>
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
                <option key={d.deviceId} value={d.deviceId}>{d.label}</option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="scanner-problem">
          <span aria-hidden="true" className="mr-2 font-bold">!</span>
          {t(`checkin.scanner.${problem}`)}
        </p>
      ) : null}
      {lastRead ? (
        <p role="status" className="mt-3 text-sm text-slate-700">
          {lastRead.code ? t("checkin.scanner.read", { code: lastRead.code }) : t("checkin.scanner.notCode")}
        </p>
      ) : null}
      <video
        ref={videoRef}
        className={phase === "idle" ? "hidden" : "mt-3 aspect-[4/3] w-full max-w-md rounded-md bg-slate-900 object-cover"}
        aria-label={t("checkin.scanner.preview")}
        muted
        playsInline
      />
    </section>
  );
}
