// The privlink web demo: a form and a JSON pane kept in sync, checked on every input event by
// the privlink WebAssembly module. Which fields a provider + vendor takes, and whether each is
// required, comes from matrix()/combination(): this file holds no copy of the table.
import init, { check, fieldErrors, fix, matrix, combination, explain, version } from './privlink/privlink.js';

await init();

const M = matrix();
const FIELDS = new Map(M.fields.map((f) => [f.key, f]));
const $ = (id) => document.getElementById(id);
const els = {
  provider: $('field-provider'), vendor: $('field-vendor'), fields: $('fields'), combination: $('combination'),
  json: $('json'), jsonMsg: $('json-msg'), findings: $('findings'), status: $('status'),
  curl: $('copy-curl'), atlas: $('copy-atlas'), command: $('command'), samples: $('samples'), fix: $('fix'),
};

// MongoDB's documentation samples (broken on purpose: invalid JSON, wrong casing, a bare id for
// an ARN) and a valid payload.
const SAMPLES = {
  'MongoDB docs: AWS Confluent (unterminated key)': `{
  "vendor": "CONFLUENT",
  "provider": "AWS",
  "region": "us_east_1",
  "serviceEndpointId": "com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9",
  "dnsDomain": "sample.us-east-1.aws.confluent.cloud",
  "dnsSubDomain: [
    "use1-az1.sample.us-east-1.aws.confluent.cloud"
  ]
}`,
  'MongoDB docs: AWS MSK (bare id as arn)': `{
  "provider": "AWS",
  "vendor": "msk",
  "arn": "1235711"
}`,
  'MongoDB docs: Azure Event Hubs': `{
  "provider": "Azure",
  "vendor": "EVENTHUB",
  "region": "US_EAST_2",
  "serviceEndpointId": "/subscriptions/b82d6aa0-0b0a-ffa3-7c22-e167dc44f5b0/resourceGroups/asp/providers/Microsoft.EventHub/namespaces/sample",
  "dnsDomain": "sample.servicebus.windows.net"
}`,
  'Valid: AWS MSK': `{
  "provider": "AWS",
  "vendor": "MSK",
  "arn": "arn:aws:kafka:us-east-1:123456789012:cluster/testing/de8982fa-8222-4e87-8b20-9bf3cdfa1521-2",
  "authenticationScheme": "IAM"
}`,
};

// What the user typed, per field key (kept when a field disappears, restored when it returns).
const values = {};
// Members of a pasted payload the form has no input for (unknown or read-only keys, wrong
// types): they stay in the JSON, and flagged, until removed there.
let extra = {};

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text ?? value;
  return o;
}

function initSelects() {
  els.provider.replaceChildren(option('', '— choose —'), ...M.providers.map((p) => option(p.name)));
  $('desc-provider').textContent = FIELDS.get('provider').description;
  $('desc-vendor').textContent = FIELDS.get('vendor').description;
  els.samples.replaceChildren(option('', '—'), ...Object.keys(SAMPLES).map((k) => option(k)));
  $('version').textContent = `privlink ${version()}`;
}

function fillVendors() {
  const p = M.providers.find((p) => p.name === els.provider.value);
  const current = els.vendor.value;
  els.vendor.replaceChildren(option('', p ? '— omitted (Atlas uses GENERIC) —' : '— choose a provider first —'),
    ...(p ? p.vendors.map((v) => option(v)) : []));
  els.vendor.disabled = !p;
  if (p && p.vendors.includes(current)) els.vendor.value = current;
}

function currentCombination() {
  return els.provider.value ? combination(els.provider.value, els.vendor.value) : null;
}

// The inputs for the fields the combination takes (required or optional), in matrix order.
function renderFields() {
  const c = currentCombination();
  els.combination.textContent = c
    ? `${c.label}: requires ${c.requires.join(', ') || 'nothing else'}${c.allows.length ? `; optional ${c.allows.join(', ')}` : ''}.`
    : '';
  const wanted = c ? Object.entries(c.cells).filter(([, cell]) => cell.accepted) : [];
  const key = wanted.map(([k, cell]) => `${k}:${cell.cell}`).join('|');
  if (els.fields.dataset.key === key) return;
  els.fields.dataset.key = key;
  els.fields.replaceChildren(...wanted.map(([k, cell]) => fieldElement(FIELDS.get(k), cell)));
}

function fieldElement(f, cell) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  wrap.id = `wrap-${f.key}`;
  wrap.dataset.field = f.key;
  const label = document.createElement('label');
  label.htmlFor = `field-${f.key}`;
  label.append(f.key, ' ');
  const badge = document.createElement('span');
  badge.className = `badge ${cell.required ? 'req' : 'opt'}`;
  badge.textContent = cell.required ? (cell.cell === 'requiredWarning' ? 'required (warning)' : 'required') : 'optional';
  label.append(badge);
  let input;
  if (f.values) {
    input = document.createElement('select');
    input.append(option('', '—'), ...f.values.map((v) => option(v)));
  } else if (f.type === 'stringList') {
    input = document.createElement('textarea');
    input.rows = 3;
  } else {
    input = document.createElement('input');
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
  }
  input.id = `field-${f.key}`;
  input.name = f.key;
  input.dataset.field = f.key;
  if (cell.required) input.setAttribute('aria-required', 'true');
  input.setAttribute('aria-describedby', `msg-${f.key} desc-${f.key}`);
  if (cell.placeholder) input.placeholder = cell.placeholder;
  const v = values[f.key];
  input.value = Array.isArray(v) ? v.join('\n') : (v ?? '');
  const desc = document.createElement('p');
  desc.className = 'desc';
  desc.id = `desc-${f.key}`;
  desc.textContent = f.description + (cell.note ? ` ${cell.note}` : '')
    + (cell.cell === 'requiredMayBeEmpty' ? ' Leave empty to send [] (no sub-domains).' : '')
    + (f.type === 'stringList' ? ' One per line.' : '');
  const msg = document.createElement('div');
  msg.className = 'msg';
  msg.id = `msg-${f.key}`;
  msg.setAttribute('aria-live', 'polite');
  wrap.append(label, input, desc, msg);
  return wrap;
}

// The body the form describes: provider, vendor, then the displayed fields that have a value.
function payloadFromForm() {
  const c = currentCombination();
  const body = {};
  if (els.provider.value) body.provider = els.provider.value;
  if (els.vendor.value) body.vendor = els.vendor.value;
  for (const f of M.fields) {
    const cell = c && c.cells[f.key];
    if (!cell || !cell.accepted) continue;
    const v = values[f.key];
    if (f.type === 'stringList') {
      const list = (Array.isArray(v) ? v : []).filter((s) => s !== '');
      if (list.length) body[f.key] = list;
      else if (cell.cell === 'requiredMayBeEmpty') body[f.key] = [];
    } else if (v) {
      body[f.key] = v;
    }
  }
  return body;
}

function readInput(input) {
  const f = FIELDS.get(input.dataset.field);
  values[f.key] = f.type === 'stringList'
    ? input.value.split('\n').map((s) => s.trim()).filter(Boolean)
    : input.value;
}

function el(tag, props = {}, ...kids) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...kids);
  return e;
}

function codeLink(d) {
  const rule = explain(d.code);
  return el('a', { href: d.url, className: 'code', title: rule ? rule.summary : d.name, target: '_blank', rel: 'noopener' }, d.code);
}

// Per-field messages, aria-invalid, and the status line, from fieldErrors().
function showFieldErrors(fe) {
  const inputs = [els.provider, els.vendor, ...els.fields.querySelectorAll('[data-field]:is(input,select,textarea)')];
  for (const input of inputs) {
    const key = input.name;
    const list = fe.fieldErrors[`/${key}`] || [];
    const msg = $(`msg-${key}`);
    const invalid = list.some((d) => d.severity === 'error');
    input.setAttribute('aria-invalid', String(invalid));
    input.closest('.field').dataset.state = invalid ? 'error' : list.some((d) => d.severity === 'pending') ? 'pending' : list.length ? list[0].severity : 'ok';
    msg.replaceChildren(...list.map((d) => el('p', { className: `finding ${d.severity}` },
      d.severity === 'pending' ? 'Required. ' : '', codeLink(d), ' ', d.message,
      d.help && d.severity !== 'pending' ? el('span', { className: 'help' }, ` — ${d.help}`) : '')));
  }
}

function showStatus(fe) {
  const errors = [...fe.formErrors, ...Object.values(fe.fieldErrors).flat()].filter((d) => d.severity === 'error').length;
  let state;
  let text;
  if (errors) {
    state = 'invalid';
    text = `✗ ${errors} error${errors === 1 ? '' : 's'}: Atlas would reject this payload.`;
  } else if (fe.pending.length) {
    state = 'pending';
    text = `… still to fill: ${fe.pending.map((p) => p.slice(1) || 'body').join(', ')}.`;
  } else {
    state = 'valid';
    text = '✓ Valid payload.';
  }
  els.status.dataset.state = state;
  els.status.textContent = text;
  els.curl.disabled = els.atlas.disabled = state !== 'valid';
  if (state !== 'valid') els.command.hidden = true;
}

// The findings list for the JSON text, with codes linking to the rule docs and positions that
// select the span in the JSON pane (UTF-16 offsets: what textarea selection counts).
function showFindings(r, pendingKeys) {
  els.findings.replaceChildren(...r.diagnostics.map((d) => {
    const pending = pendingKeys.has(`${d.code} ${d.pointer}`);
    const li = el('li', { className: `finding ${pending ? 'pending' : d.severity}` });
    li.dataset.code = d.code;
    li.append(el('span', { className: 'sev' }, pending ? 'to fill' : d.severity), ' ', codeLink(d), ' ');
    if (d.start) {
      const at = el('button', { type: 'button', className: 'at', title: 'Show in the JSON pane' }, `line ${d.start.line}, column ${d.start.column}`);
      at.dataset.line = d.start.line;
      at.dataset.column = d.start.column;
      at.addEventListener('click', () => {
        els.json.focus();
        els.json.setSelectionRange(d.start.utf16Offset, d.end.utf16Offset);
      });
      li.append(at, ' ');
    }
    li.append(el('code', {}, d.pointer || '(body)'), ' ', d.message);
    if (d.help) li.append(el('div', { className: 'help' }, d.help));
    return li;
  }));
  const syntax = r.diagnostics.find((d) => d.code === 'PL001');
  els.json.setAttribute('aria-invalid', String(Boolean(syntax)));
  els.jsonMsg.replaceChildren(...(syntax && syntax.start
    ? [el('p', { className: 'finding error' }, codeLink(syntax), ` line ${syntax.start.line}, column ${syntax.start.column}: ${syntax.message}`)]
    : []));
}

function validate(text, body) {
  const r = check(text);
  const fe = fieldErrors(body ?? text, { draft: true });
  const pendingKeys = new Set(Object.values(fe.fieldErrors).flat().filter((d) => d.severity === 'pending').map((d) => `${d.code} ${d.pointer}`));
  showFieldErrors(fe);
  showStatus(fe);
  showFindings(r, pendingKeys);
  document.body.dataset.ready = 'true';
}

// Form -> JSON.
function fromForm() {
  const body = { ...payloadFromForm(), ...extra };
  const text = JSON.stringify(body, null, 2);
  els.json.value = text;
  validate(text, body);
}

// JSON -> form (when the text parses), then validate the text as typed.
function fromJson() {
  const text = els.json.value;
  const r = check(text);
  let body = null;
  if (!r.diagnostics.some((d) => ['PL001', 'PL002', 'PL003', 'PL004'].includes(d.code))) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const pick = (sel, v) => {
      const match = [...sel.options].find((o) => o.value && typeof v === 'string' && o.value.toLowerCase() === v.trim().toLowerCase());
      sel.value = match ? match.value : '';
    };
    pick(els.provider, body.provider);
    fillVendors();
    pick(els.vendor, body.vendor);
    extra = {};
    for (const [k, v] of Object.entries(body)) {
      const f = FIELDS.get(k);
      if (k === 'provider' || k === 'vendor') continue;
      if (f && f.type === 'stringList' && Array.isArray(v) && v.every((x) => typeof x === 'string')) values[k] = v;
      else if (f && f.type === 'string' && typeof v === 'string') values[k] = v;
      else extra[k] = v;
    }
    for (const f of M.fields) if (f.matrix && !(f.key in body)) delete values[f.key];
    els.fields.dataset.key = '';
    renderFields();
  }
  validate(text, null);
}

function shellQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function commandFor(kind) {
  const body = JSON.stringify(JSON.parse(els.json.value), null, 2);
  if (kind === 'curl') {
    return [
      '# Placeholders: export ATLAS_GROUP_ID, ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY first (never paste secrets here).',
      'curl --user "${ATLAS_PUBLIC_KEY}:${ATLAS_PRIVATE_KEY}" --digest \\',
      '  --header "Accept: application/vnd.atlas.2023-02-01+json" \\',
      '  --header "Content-Type: application/json" \\',
      '  --request POST "https://cloud.mongodb.com/api/atlas/v2/groups/${ATLAS_GROUP_ID}/streams/privateLinkConnections" \\',
      `  --data ${shellQuote(body)}`,
    ].join('\n');
  }
  return [
    '# Placeholders: export ATLAS_GROUP_ID; authenticate with `atlas auth login` (no secrets in the command).',
    'atlas api streams createGroupStreamPrivateLinkConnection --groupId "${ATLAS_GROUP_ID}" --version 2023-02-01 <<\'JSON\'',
    body,
    'JSON',
  ].join('\n');
}

async function copy(kind) {
  const text = commandFor(kind);
  els.command.hidden = false;
  els.command.textContent = text;
  els.command.dataset.kind = kind;
  try {
    await navigator.clipboard.writeText(text);
    els.status.textContent = `✓ Valid payload. Copied the ${kind === 'curl' ? 'curl' : 'atlas api'} command.`;
  } catch {
    els.status.textContent = '✓ Valid payload. Copy the command below (the clipboard is not available here).';
  }
}

initSelects();
fillVendors();
renderFields();
els.provider.addEventListener('input', () => { fillVendors(); renderFields(); fromForm(); });
els.vendor.addEventListener('input', () => { renderFields(); fromForm(); });
els.fields.addEventListener('input', (e) => {
  if (!e.target.dataset.field) return;
  readInput(e.target);
  fromForm();
});
els.json.addEventListener('input', fromJson);
els.samples.addEventListener('input', () => {
  if (!els.samples.value) return;
  els.json.value = SAMPLES[els.samples.value];
  fromJson();
});
els.fix.addEventListener('click', () => {
  els.json.value = fix(els.json.value);
  fromJson();
});
els.curl.addEventListener('click', () => copy('curl'));
els.atlas.addEventListener('click', () => copy('atlas'));
fromForm();
