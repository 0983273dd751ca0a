// Type-checked (tsc --strict, never run): the Node entry point's typings are precise.
import {
  check, checkValue, fieldErrors, fix, matrix, combination, rules, explain, schema, version,
  type CheckResult, type Diagnostic, type FieldErrorsResult, type Matrix, type Rule, type Severity,
} from "privlink";

const r: CheckResult = check('{"provider": "AWS"}', {
  severity: { PL301: "warning", "non-canonical-case": "off" },
  groupId: "5f4e3d2c1b0a998877665544",
  query: { envelope: true },
  accept: "application/vnd.atlas.2025-03-12+json",
  maxBytes: 1024,
});
const ok: boolean = r.valid;
const errors: number = r.counts.errors;
const d: Diagnostic | undefined = r.diagnostics[0];
const sev: Severity | undefined = d?.severity;
const col: number | undefined = d?.start?.utf16Column;
const off: number | undefined = d?.fix?.edits[0]?.utf16Offset;
const bytes: CheckResult = check(new Uint8Array([123, 125]));
const v: CheckResult = checkValue({ provider: "AWS" });
const fe: FieldErrorsResult = fieldErrors({ provider: "AWS" }, { draft: true });
const arn = fe.fieldErrors["/arn"]?.[0]?.severity; // Severity | "pending" | undefined
const pending: string[] = fe.pending;
const fixed: string = fix("{}");
const m: Matrix = matrix();
const req: string[] | undefined = combination("AWS", "MSK")?.requires;
const all: Rule[] = rules();
const one: Rule | null = explain("PL301");
const s: Record<string, unknown> = schema();
const ver: string = version();

// @ts-expect-error a level that does not exist
check("{}", { severity: { PL301: "loud" } });
// @ts-expect-error the input is text or bytes
check({ provider: "AWS" });
// @ts-expect-error draft is a fieldErrors option
check("{}", { draft: true });
// @ts-expect-error valid is a boolean
const notString: string = r.valid;
// @ts-expect-error positions may be null (checkValue, request parameters)
const line: number = r.diagnostics[0]!.start.line;

export { ok, errors, sev, col, off, bytes, v, arn, pending, fixed, m, req, all, one, s, ver, notString, line };
