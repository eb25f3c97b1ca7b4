#!/usr/bin/env node
// The peer faqbot is compared with: an nlp.js (node-nlp v4) assistant trained on
// the same intent catalogue (intents/catalogue/*.yaml), answering from the same
// passages and survival figures, and serving the same POST /v1/chat API
// (../shared/API.md). It is set up the way a team using nlp.js would set it up:
// nlp.js's own tokeniser, stemmer, spell checking and neural classifier; its
// built-in "None" intent below one score threshold; its named entities for
// cancer type and extent; its per-conversation context for entities. It has no
// safety stage (nlp.js has none): emergencies and crises are just intents it
// does not know.
//
// Environment:
//   PORT, HOST            where to listen (default 127.0.0.1:8081; PORT=0 picks one)
//   PEER_INTENTS          the intents/ directory (default: the repo's)
//   PEER_PASSAGES         passages.jsonl of a built bundle (default:
//                         $PEER_INDEX/current/passages.jsonl, PEER_INDEX default var/index)
//   PEER_FACTS            survival.yaml (default: the repo's corpus/facts/survival.yaml)
//   PEER_THRESHOLD        nlp.js score threshold below which the intent is "None"
// It prints "serving on http://HOST:PORT" once trained and listening.
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const yaml = require('js-yaml');
const { NlpManager } = require('node-nlp');

const REPO = path.resolve(__dirname, '..', '..');
// Tuned once on ../shared/eval/dev.jsonl only (compare.py --tune): the best dev
// score is flat from 0 to 0.55; of those, the most cautious (highest) one.
// nlp.js's own default is 0.5. See the README, "Compared with nlp.js".
const DEFAULT_THRESHOLD = 0.55;
const MAX_MESSAGE_CHARS = 2000;
const MAX_BODY_BYTES = 64 * 1024;
const SESSION_CAPACITY = 10000;
const SESSION_TTL_MS = 30 * 60 * 1000;
const DISCLAIMER =
  'This is general information, not medical advice. Please talk to your healthcare team ' +
  'about your own situation.';
const CARE_TEAM = 'Please talk to your care team (your doctor, oncologist, nurse or pharmacist).';
const NOT_COVERED =
  "Sorry, I don't have information about that in my sources. I can answer questions about " +
  'stage 4 bone cancer and bone metastases.';
const REFERRALS = [
  { name: 'American Cancer Society', url: 'https://www.cancer.org', reason: 'support' },
  { name: 'National Cancer Institute', url: 'https://www.cancer.gov', reason: 'information' },
];
const REPLY_TYPE = {
  smalltalk: 'smalltalk',
  handoff: 'handoff',
  unsupported: 'fallback',
  out_of_scope: 'fallback',
  personal_advice: 'fallback',
  personal_statement: 'smalltalk',
};

function env(name, fallback) {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : v;
}

function loadCatalogue(intentsDir) {
  const dir = path.join(intentsDir, 'catalogue');
  const intents = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const doc = yaml.load(fs.readFileSync(path.join(dir, f), 'utf8')) || {};
    for (const it of doc.intents || []) intents.push({ kind: 'answer', ...it });
  }
  if (!intents.length) throw new Error(`no intents in ${dir}`);
  return intents;
}

function loadPassages(file) {
  const byId = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const p = JSON.parse(line);
    byId.set(p.id, p);
  }
  return byId;
}

// A source entry in the API's shape for one passage, quoting `quote`
// (the whole passage unless a single sentence is cited).
function source(p, quote) {
  const headings = p.heading_path || [];
  const s = { title: p.doc_title, publisher: p.publisher, url: p.url };
  if (headings.length) s.section = headings[headings.length - 1];
  s.passage_id = p.id;
  s.quote = quote || p.text;
  return s;
}

function capitalized(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

class Peer {
  constructor(opts) {
    this.intents = loadCatalogue(opts.intentsDir);
    this.byName = new Map(this.intents.map((i) => [i.name, i]));
    this.passages = loadPassages(opts.passagesFile);
    this.facts = yaml.load(fs.readFileSync(opts.factsFile, 'utf8')).survival;
    this.entities = yaml.load(fs.readFileSync(opts.entitiesFile, 'utf8')).entities;
    this.threshold = opts.threshold;
    this.sessions = new Map();
    this.checkPassages();
    this.version = `nlpjs-${require('node-nlp/package.json').version}`;
    this.manager = new NlpManager({
      languages: ['en'],
      forceNER: true,
      autoSave: false,
      autoLoad: false,
      threshold: this.threshold,
      nlu: { log: false, useNoneFeature: true, spellCheck: true, spellCheckDistance: 1 },
    });
  }

  // Every passage the catalogue and the facts cite must be in the bundle.
  checkPassages() {
    const missing = [];
    for (const it of this.intents) {
      for (const id of (it.answer && it.answer.passages) || []) {
        if (!this.passages.has(id)) missing.push(`${it.name}: ${id}`);
      }
    }
    for (const r of [this.facts.caveat, ...this.facts.rates]) {
      if (!this.passages.has(r.passage)) missing.push(`survival: ${r.passage}`);
    }
    if (missing.length) throw new Error(`passages missing from the bundle:\n  ${missing.join('\n  ')}`);
  }

  async train() {
    for (const it of this.intents) {
      for (const ex of it.examples || []) this.manager.addDocument('en', String(ex), it.name);
    }
    // Named entities for the survival figures: cancer type and extent of spread.
    for (const type of ['cancer_type', 'extent']) {
      for (const [option, texts] of Object.entries(this.entities[type] || {})) {
        this.manager.addNamedEntityText(type, option, ['en'], texts.map(String));
      }
    }
    await this.manager.train();
  }

  session(id) {
    const now = Date.now();
    let s = this.sessions.get(id);
    if (s && now - s.seen > SESSION_TTL_MS) s = undefined;
    if (s) this.sessions.delete(id);
    else s = { context: {} };
    s.seen = now;
    this.sessions.set(id, s);  // most recent last
    while (this.sessions.size > SESSION_CAPACITY) {
      this.sessions.delete(this.sessions.keys().next().value);
    }
    return s;
  }

  async chat(sessionId, message) {
    const s = this.session(sessionId);
    const out = await this.manager.process('en', message, s.context);
    const ranked = (out.classifications || []).filter((c) => c.intent !== 'None');
    const reply = {
      session_id: sessionId,
      type: 'fallback',
      text: '',
      intent: null,
      alternatives: ranked.slice(1, 3).filter((c) => c.score >= 0.01).map((c) => ({ name: c.intent, confidence: c.score })),
      sources: [],
      disclaimer: '',
      referrals: [],
      suggestions: [],
      safety: null,
      corpus_version: this.version,
    };
    const it = out.intent && out.intent !== 'None' ? this.byName.get(out.intent) : undefined;
    if (!it) {
      reply.text = NOT_COVERED;
      reply.referrals = REFERRALS;
      return reply;
    }
    reply.intent = { name: it.name, confidence: out.score };
    reply.suggestions = (it.suggestions || [])
      .map((n) => this.byName.get(n))
      .filter((x) => x && x.question)
      .map((x) => x.question);
    if (it.kind === 'answer') return this.answer(it, reply);
    if (it.kind === 'survival') return this.survival(it, out, s, reply);
    reply.type = REPLY_TYPE[it.kind] || 'fallback';
    reply.text = (it.responses && it.responses[0]) || NOT_COVERED;
    if (it.kind === 'personal_advice' && !/care team/i.test(reply.text)) {
      reply.text += ` ${CARE_TEAM}`;
    }
    if (reply.type === 'fallback') reply.referrals = REFERRALS;
    return reply;
  }

  answer(it, reply) {
    const ps = it.answer.passages.map((id) => this.passages.get(id));
    reply.type = 'answer';
    reply.text = (it.lead_in ? `${it.lead_in}\n\n` : '') + ps.map((p) => p.text).join('\n\n');
    reply.sources = ps.map((p) => source(p));
    reply.disclaimer = DISCLAIMER;
    return reply;
  }

  // Figures for the cancer types and extents nlp.js found in this message, or
  // earlier in the conversation (its context keeps entities); all when none.
  survival(it, out, s, reply) {
    const found = (name) => {
      const now = (out.entities || []).filter((e) => e.entity === name).map((e) => e.option);
      if (now.length) return now;
      const kept = s.context.entities && s.context.entities[name];
      if (!kept) return [];
      return (kept.isList ? kept.items : [kept]).map((e) => e.option);
    };
    const types = new Set(found('cancer_type'));
    const extents = new Set(found('extent'));
    if (extents.has('spread')) ['regional', 'distant'].forEach((e) => extents.add(e));
    const rates = this.facts.rates.filter(
      (r) => (!types.size || types.has(r.type)) && (!extents.size || extents.has(r.extent)),
    );
    const chosen = rates.length ? rates : this.facts.rates;
    const lines = it.lead_in ? [it.lead_in] : [];
    let current = '';
    for (const r of chosen) {
      if (r.type !== current) {
        current = r.type;
        lines.push(`${lines.length ? '\n' : ''}${capitalized(current)}:`);
      }
      lines.push(`- ${capitalized(r.extent)}: ${r.quote}`);
    }
    lines.push(`\n${this.facts.caveat.quote}`);
    reply.type = 'answer';
    reply.text = lines.join('\n');
    reply.sources = chosen
      .map((r) => source(this.passages.get(r.passage), r.quote))
      .concat([source(this.passages.get(this.facts.caveat.passage), this.facts.caveat.quote)]);
    reply.disclaimer = DISCLAIMER;
    return reply;
  }
}

// --- HTTP ---------------------------------------------------------------

function send(res, status, body, headers = {}) {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': data.length,
    ...headers,
  });
  res.end(data);
}

function error(res, status, code, message, headers) {
  send(res, status, { error: { code, message } }, headers);
}

const SESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function handleChat(peer, req, res) {
  const ctype = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  if (ctype !== 'application/json') {
    req.resume();
    return error(res, 415, 'unsupported_media_type', 'Content-Type must be application/json');
  }
  const chunks = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (c) => {
    size += c.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(c);
  });
  req.on('end', async () => {
    if (tooLarge) return error(res, 413, 'payload_too_large', `body is over ${MAX_BODY_BYTES} bytes`);
    let body;
    try {
      body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
    } catch (e) {
      return error(res, 400, 'invalid_json', 'the body is not valid UTF-8 JSON');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return error(res, 400, 'invalid_json', 'the body is not a JSON object');
    }
    for (const k of ['session_id', 'message']) {
      if (body[k] === undefined || body[k] === null) {
        return error(res, 400, 'missing_field', `'${k}' is required`);
      }
      if (typeof body[k] !== 'string') return error(res, 400, 'invalid_field', `'${k}' must be a string`);
    }
    if (!SESSION_ID.test(body.session_id)) {
      return error(res, 400, 'invalid_field', "'session_id' must be 1-128 of A-Z a-z 0-9 . _ : -");
    }
    const message = body.message.trim();
    if (!message) return error(res, 400, 'empty_message', "'message' is empty");
    if ([...message].length > MAX_MESSAGE_CHARS) {
      return error(res, 400, 'message_too_long', `'message' is over ${MAX_MESSAGE_CHARS} characters`);
    }
    try {
      send(res, 200, await peer.chat(body.session_id, message));
    } catch (e) {
      console.error(`chat failed: ${e && e.message}`);
      error(res, 500, 'internal', 'internal error');
    }
  });
}

async function main() {
  const threshold = Number(env('PEER_THRESHOLD', DEFAULT_THRESHOLD));
  const intentsDir = path.resolve(env('PEER_INTENTS', path.join(REPO, 'intents')));
  const index = path.resolve(REPO, env('PEER_INDEX', 'var/index'));
  const peer = new Peer({
    intentsDir,
    entitiesFile: path.join(intentsDir, 'entities.yaml'),
    passagesFile: path.resolve(env('PEER_PASSAGES', path.join(index, 'current', 'passages.jsonl'))),
    factsFile: path.resolve(env('PEER_FACTS', path.join(REPO, 'corpus', 'facts', 'survival.yaml'))),
    threshold,
  });
  const t0 = Date.now();
  await peer.train();
  const examples = peer.intents.reduce((n, i) => n + (i.examples || []).length, 0);
  console.log(`trained nlp.js on ${peer.intents.length} intents, ${examples} examples in ` +
    `${((Date.now() - t0) / 1000).toFixed(1)} s; threshold ${threshold}`);

  const server = http.createServer((req, res) => {
    const url = req.url.split('?')[0];
    if (url === '/healthz') {
      if (req.method !== 'GET') return error(res, 405, 'method_not_allowed', 'use GET', { Allow: 'GET' });
      return send(res, 200, { status: 'ok', corpus_version: peer.version });
    }
    if (url === '/v1/chat') {
      if (req.method !== 'POST') {
        req.resume();
        return error(res, 405, 'method_not_allowed', 'use POST', { Allow: 'POST' });
      }
      return handleChat(peer, req, res);
    }
    req.resume();
    return error(res, 404, 'not_found', `no route ${url}`);
  });
  const host = env('HOST', '127.0.0.1');
  server.listen(Number(env('PORT', 8081)), host, () => {
    console.log(`serving on http://${host}:${server.address().port}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(`peer: ${e.message}`);
  process.exit(1);
});
