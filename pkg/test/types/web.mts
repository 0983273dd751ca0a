// Type-checked (tsc --strict, never run): the browser entry point (`privlink/web`) needs init.
import init, { check, initSync, type CheckResult } from "privlink/web";

await init();
await init({ module_or_path: new URL("privlink_bg.wasm", import.meta.url) });
initSync({ module: new Uint8Array(0) });
const r: CheckResult = check('{"provider": "AWS"}');
// @ts-expect-error diagnostics is an array
const n: number = r.diagnostics;
export { r, n };
