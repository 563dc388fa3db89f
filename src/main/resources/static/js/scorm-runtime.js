// The SCORM runtime of the portal's lesson page. A package looks in its parent window for window.API (SCORM 1.2)
// or window.API_1484_11 (SCORM 2004), so the API is installed before the iframe gets its src. The content reads and
// writes the data model through it; Commit and Finish/Terminate post the model to data-commit-url. No inline script
// and no eval: the content security policy allows script-src 'self' only.
(() => {
  'use strict';

  const player = document.getElementById('scorm-player');
  if (!player) {
    return;
  }
  const data = player.dataset;
  const v2004 = data.version === '2004';

  // Validators return '' when the value fits, else the kind of error (mapped to each version's code below).
  const vocab = (...words) => (v) => (words.includes(v) ? '' : 'type');
  const text = (max, min = 0) => (v) => (v.length >= min && v.length <= max ? '' : 'type');
  const pattern = (re) => (v) => (re.test(v) ? '' : 'type');
  const real = (min = -Infinity, max = Infinity) => (v) =>
    !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(v) ? 'type' : +v < min || +v > max ? 'range' : '';
  const integer = (min, max) => (v) => (/^-?\d+$/.test(v) ? real(min, max)(v) : 'type');
  const either = (a, b) => (v) => a(v) && b(v);
  const any = () => '';

  // access: r (read-only: value from the page, undefined when the LMS has none), rw, w (write-only).
  const ro = (value) => ({ access: 'r', value });
  const rw = (check, initial) => ({ access: 'rw', check, initial });
  const wo = (check) => ({ access: 'w', check });

  function scorm12() {
    const timespan = pattern(/^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/);
    const score = either(vocab(''), real(0, 100));
    const id = text(255, 1);
    const statuses = ['passed', 'completed', 'failed', 'incomplete', 'browsed'];
    return {
      model: {
        'cmi.core.student_id': ro(data.learnerId || ''),
        'cmi.core.student_name': ro(data.learnerName || ''),
        'cmi.core.lesson_location': rw(text(255), ''),
        'cmi.core.credit': ro(data.credit || 'credit'),
        // "not attempted" is the LMS's starting value; the content may not set it back.
        'cmi.core.lesson_status': rw(vocab(...statuses), 'not attempted'),
        'cmi.core.entry': ro(data.entry || ''),
        'cmi.core.score.raw': rw(score, ''),
        'cmi.core.score.min': rw(score, ''),
        'cmi.core.score.max': rw(score, ''),
        'cmi.core.total_time': ro(data.totalTime || '0000:00:00.00'),
        'cmi.core.lesson_mode': ro(data.mode || 'normal'),
        'cmi.core.exit': wo(vocab('time-out', 'suspend', 'logout', '')),
        'cmi.core.session_time': wo(timespan),
        'cmi.suspend_data': rw(text(4096), ''),
        'cmi.launch_data': ro(data.launchData || ''),
        'cmi.comments': rw(text(4096), ''),
        'cmi.comments_from_lms': ro(''),
        'cmi.objectives.n.id': rw(id, ''),
        'cmi.objectives.n.score.raw': rw(score, ''),
        'cmi.objectives.n.score.min': rw(score, ''),
        'cmi.objectives.n.score.max': rw(score, ''),
        'cmi.objectives.n.status': rw(vocab(...statuses, 'not attempted'), ''),
        'cmi.student_data.mastery_score': ro(data.masteryScore || ''),
        'cmi.student_data.max_time_allowed': ro(data.maxTimeAllowed || ''),
        'cmi.student_data.time_limit_action': ro(data.timeLimitAction || ''),
        'cmi.student_preference.audio': rw(integer(-1, 100), ''),
        'cmi.student_preference.language': rw(text(255), ''),
        'cmi.student_preference.speed': rw(integer(-100, 100), ''),
        'cmi.student_preference.text': rw(integer(-1, 1), ''),
        'cmi.interactions.n.id': wo(id),
        'cmi.interactions.n.objectives.n.id': wo(id),
        'cmi.interactions.n.time': wo(pattern(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/)),
        'cmi.interactions.n.type':
          wo(vocab('true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric')),
        'cmi.interactions.n.correct_responses.n.pattern': wo(text(255)),
        'cmi.interactions.n.weighting': wo(real()),
        'cmi.interactions.n.student_response': wo(text(255)),
        'cmi.interactions.n.result': wo(either(vocab('correct', 'wrong', 'unanticipated', 'neutral'), real())),
        'cmi.interactions.n.latency': wo(timespan)
      },
      children: {
        'cmi.core': 'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time',
        'cmi.core.score': 'raw,min,max',
        'cmi.objectives': 'id,score,status',
        'cmi.objectives.n.score': 'raw,min,max',
        'cmi.student_data': 'mastery_score,max_time_allowed,time_limit_action',
        'cmi.student_preference': 'audio,language,speed,text',
        'cmi.interactions': 'id,objectives,time,type,correct_responses,weighting,student_response,result,latency'
      },
      collections: ['cmi.objectives', 'cmi.interactions', 'cmi.interactions.n.objectives', 'cmi.interactions.n.correct_responses'],
      sessionOnly: ['cmi.core.exit', 'cmi.core.session_time'],
      // 1.2 has no codes for range, unset values, dependencies or "terminated": the nearest ones stand in.
      codes: {
        argument: 201, getFailure: 201, setFailure: 201, unknown: 201, noChildren: 202, noCount: 203, keyword: 402,
        readOnly: 403, writeOnly: 404, type: 405, range: 405, again: 101, terminated: 101,
        before: { get: 301, set: 301, commit: 301, finish: 301 }, after: { get: 101, set: 101, commit: 101, finish: 101 }
      },
      messages: {
        0: 'No error', 101: 'General exception', 201: 'Invalid argument error', 202: 'Element cannot have children',
        203: 'Element not an array - cannot have count', 301: 'Not initialized', 401: 'Not implemented error',
        402: 'Invalid set value, element is a keyword', 403: 'Element is read only', 404: 'Element is write only',
        405: 'Incorrect data type'
      }
    };
  }

  function scorm2004() {
    const duration = pattern(/^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/);
    const time = pattern(/^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?(Z|[+-]\d{2}(:\d{2})?)?)?)?)?$/);
    const id = text(4000, 1);
    const completion = vocab('completed', 'incomplete', 'not attempted', 'unknown');
    const success = vocab('passed', 'failed', 'unknown');
    const nav = either(
      vocab('continue', 'previous', 'exit', 'exitAll', 'abandon', 'abandonAll', 'suspendAll', '_none_'),
      pattern(/^\{target=[^}\s]+\}(choice|jump)$/)
    );
    return {
      model: {
        'cmi._version': ro('1.0'),
        'cmi.learner_id': ro(data.learnerId || ''),
        'cmi.learner_name': ro(data.learnerName || ''),
        'cmi.location': rw(text(1000)),
        'cmi.completion_status': rw(completion, 'unknown'),
        'cmi.success_status': rw(success, 'unknown'),
        'cmi.score.scaled': rw(real(-1, 1)),
        'cmi.score.raw': rw(real()),
        'cmi.score.min': rw(real()),
        'cmi.score.max': rw(real()),
        'cmi.progress_measure': rw(real(0, 1)),
        'cmi.entry': ro(data.entry || ''),
        'cmi.exit': wo(vocab('time-out', 'suspend', 'logout', 'normal', '')),
        'cmi.session_time': wo(duration),
        'cmi.total_time': ro(data.totalTime || 'PT0S'),
        'cmi.suspend_data': rw(text(64000)),
        'cmi.mode': ro(data.mode || 'normal'),
        'cmi.credit': ro(data.credit || 'credit'),
        'cmi.launch_data': ro(data.launchData || ''),
        'cmi.completion_threshold': ro(data.completionThreshold),
        'cmi.scaled_passing_score': ro(data.scaledPassingScore),
        'cmi.max_time_allowed': ro(data.maxTimeAllowed),
        'cmi.time_limit_action': ro(data.timeLimitAction),
        'cmi.learner_preference.audio_level': rw(real(0), '1'),
        'cmi.learner_preference.language': rw(text(250), ''),
        'cmi.learner_preference.delivery_speed': rw(real(0), '1'),
        'cmi.learner_preference.audio_captioning': rw(vocab('-1', '0', '1'), '0'),
        'cmi.objectives.n.id': rw(id),
        'cmi.objectives.n.score.scaled': rw(real(-1, 1)),
        'cmi.objectives.n.score.raw': rw(real()),
        'cmi.objectives.n.score.min': rw(real()),
        'cmi.objectives.n.score.max': rw(real()),
        'cmi.objectives.n.success_status': rw(success, 'unknown'),
        'cmi.objectives.n.completion_status': rw(completion, 'unknown'),
        'cmi.objectives.n.progress_measure': rw(real(0, 1)),
        'cmi.objectives.n.description': rw(text(250)),
        'cmi.interactions.n.id': rw(id),
        'cmi.interactions.n.type': rw(vocab('true-false', 'choice', 'fill-in', 'long-fill-in', 'likert', 'matching',
          'performance', 'sequencing', 'numeric', 'other')),
        'cmi.interactions.n.objectives.n.id': rw(id),
        'cmi.interactions.n.timestamp': rw(time),
        // Responses are kept as the content wrote them; their format depends on the interaction's type.
        'cmi.interactions.n.correct_responses.n.pattern': rw(any),
        'cmi.interactions.n.weighting': rw(real()),
        'cmi.interactions.n.learner_response': rw(any),
        'cmi.interactions.n.result': rw(either(vocab('correct', 'incorrect', 'unanticipated', 'neutral'), real())),
        'cmi.interactions.n.latency': rw(duration),
        'cmi.interactions.n.description': rw(text(250)),
        'cmi.comments_from_learner.n.comment': rw(text(4000)),
        'cmi.comments_from_learner.n.location': rw(text(250)),
        'cmi.comments_from_learner.n.timestamp': rw(time),
        'cmi.comments_from_lms.n.comment': ro(),
        'cmi.comments_from_lms.n.location': ro(),
        'cmi.comments_from_lms.n.timestamp': ro(),
        'adl.nav.request': rw(nav, '_none_')
      },
      children: {
        'cmi.score': 'scaled,raw,min,max',
        'cmi.objectives': 'id,score,success_status,completion_status,progress_measure,description',
        'cmi.objectives.n.score': 'scaled,raw,min,max',
        'cmi.interactions': 'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description',
        'cmi.comments_from_learner': 'comment,location,timestamp',
        'cmi.comments_from_lms': 'comment,location,timestamp',
        'cmi.learner_preference': 'audio_level,language,delivery_speed,audio_captioning'
      },
      collections: ['cmi.objectives', 'cmi.interactions', 'cmi.interactions.n.objectives',
        'cmi.interactions.n.correct_responses', 'cmi.comments_from_learner', 'cmi.comments_from_lms'],
      sessionOnly: ['cmi.exit', 'cmi.session_time'],
      codes: {
        argument: 201, getFailure: 301, setFailure: 351, unknown: 401, noChildren: 301, noCount: 301, keyword: 404,
        notSet: 403, readOnly: 404, writeOnly: 405, type: 406, range: 407, dependency: 408, again: 103, terminated: 104,
        before: { get: 122, set: 132, commit: 142, finish: 112 }, after: { get: 123, set: 133, commit: 143, finish: 113 }
      },
      messages: {
        0: 'No Error', 101: 'General Exception', 102: 'General Initialization Failure', 103: 'Already Initialized',
        104: 'Content Instance Terminated', 111: 'General Termination Failure', 112: 'Termination Before Initialization',
        113: 'Termination After Termination', 122: 'Retrieve Data Before Initialization', 123: 'Retrieve Data After Termination',
        132: 'Store Data Before Initialization', 133: 'Store Data After Termination', 142: 'Commit Before Initialization',
        143: 'Commit After Termination', 201: 'General Argument Error', 301: 'General Get Failure', 351: 'General Set Failure',
        391: 'General Commit Failure', 401: 'Undefined Data Model Element', 402: 'Unimplemented Data Model Element',
        403: 'Data Model Element Value Not Initialized', 404: 'Data Model Element Is Read Only',
        405: 'Data Model Element Is Write Only', 406: 'Data Model Element Type Mismatch',
        407: 'Data Model Element Value Out Of Range', 408: 'Data Model Dependency Not Established'
      }
    };
  }

  const { model, children, collections, sessionOnly, codes, messages } = v2004 ? scorm2004() : scorm12();

  // "cmi.objectives.3.score.raw" → the descriptor's name "cmi.objectives.n.score.raw", the key the value is stored
  // under (indices without leading zeros) and each index with the collection it counts in.
  function resolve(name) {
    const norm = [];
    const keys = [];
    const indices = [];
    for (const segment of name.split('.')) {
      const index = /^\d+$/.test(segment);
      if (index) {
        indices.push([keys.join('.'), Number(segment)]);
      }
      // A literal "n" would otherwise match a descriptor's placeholder.
      norm.push(index ? 'n' : segment === 'n' ? '?' : segment);
      keys.push(index ? String(Number(segment)) : segment);
    }
    return { norm: norm.join('.'), key: keys.join('.'), indices };
  }

  // Values the content has set, in this session or an earlier one, by key; version counts the changes.
  const values = {};
  let version = 0;
  function stored() {
    try {
      return JSON.parse(document.getElementById('scorm-cmi')?.textContent || '{}') || {};
    } catch {
      return {};
    }
  }
  // Read-only values come from the page; exit and session time describe the session they were set in.
  Object.entries(stored()).forEach(([name, value]) => {
    const { norm, key } = resolve(name);
    if (value !== null && model[norm] && model[norm].access !== 'r' && !sessionOnly.includes(norm)) {
      values[key] = String(value);
    }
  });

  function count(collection) {
    const start = collection + '.';
    return Object.keys(values).reduce(
      (n, key) => (key.startsWith(start) ? Math.max(n, parseInt(key.slice(start.length), 10) + 1) : n), 0);
  }

  // Entries are appended in order: index n may be read when it exists, and written when it exists or is the next one.
  const inRange = (indices, adding) => indices.every(([collection, n]) => n < count(collection) + (adding ? 1 : 0));
  const known = (name) =>
    name in children || Object.keys(model).some((element) => element === name || element.startsWith(name + '.'));

  let state = 'new'; // 'new' → 'running' (Initialize) → 'done' (Finish/Terminate)
  let error = 0;
  let diagnostic = '';

  const ok = (result) => {
    error = 0;
    diagnostic = '';
    return result;
  };
  const fail = (code, detail, result) => {
    error = code;
    diagnostic = detail ? `${detail}: ${messages[code]}` : messages[code];
    return result;
  };
  const refuse = (op, result) => fail(codes[state === 'new' ? 'before' : 'after'][op], '', result);

  function initialize(arg) {
    if (String(arg ?? '') !== '') {
      return fail(codes.argument, 'The argument must be ""', 'false');
    }
    if (state !== 'new') {
      return fail(state === 'running' ? codes.again : codes.terminated, '', 'false');
    }
    state = 'running';
    return ok('true');
  }

  function finish(arg) {
    if (state !== 'running') {
      return refuse('finish', 'false');
    }
    if (String(arg ?? '') !== '') {
      return fail(codes.argument, 'The argument must be ""', 'false');
    }
    state = 'done';
    commit(true);
    return ok('true');
  }

  function getValue(name) {
    if (state !== 'running') {
      return refuse('get', '');
    }
    name = String(name ?? '');
    if (!name) {
      return fail(codes.getFailure, 'The element name is empty', '');
    }
    const { norm, key, indices } = resolve(name);
    const keyword = /\._(children|count)$/.exec(norm);
    if (keyword) {
      const base = norm.slice(0, keyword.index);
      const asksChildren = keyword[1] === 'children';
      if (asksChildren ? !(base in children) : !collections.includes(base)) {
        return fail(known(base) ? codes[asksChildren ? 'noChildren' : 'noCount'] : codes.unknown, name, '');
      }
      if (!inRange(indices, false)) {
        return fail(codes.getFailure, name, '');
      }
      return ok(asksChildren ? children[base] : String(count(key.slice(0, -'._count'.length))));
    }
    const element = model[norm];
    if (!element) {
      return fail(codes.unknown, name, '');
    }
    if (!inRange(indices, false)) {
      return fail(codes.getFailure, name, '');
    }
    if (element.access === 'w') {
      return fail(codes.writeOnly, name, '');
    }
    const value = element.access === 'r' ? element.value : key in values ? values[key] : element.initial;
    return value === undefined ? fail(codes.notSet, name, '') : ok(value);
  }

  function setValue(name, value) {
    if (state !== 'running') {
      return refuse('set', 'false');
    }
    name = String(name ?? '');
    value = String(value ?? '');
    if (!name) {
      return fail(codes.setFailure, 'The element name is empty', 'false');
    }
    const { norm, key, indices } = resolve(name);
    const keyword = /\._(children|count)$/.exec(norm);
    if (keyword) {
      return fail(known(norm.slice(0, keyword.index)) ? codes.keyword : codes.unknown, name, 'false');
    }
    const element = model[norm];
    if (!element) {
      return fail(codes.unknown, name, 'false');
    }
    if (element.access === 'r') {
      return fail(codes.readOnly, name, 'false');
    }
    if (!inRange(indices, true)) {
      return fail(codes.setFailure, `${name} is past the end of its collection`, 'false');
    }
    // 2004: an objective or interaction exists once its id is set; responses need the interaction's type.
    const owner = v2004 && /^(cmi\.(?:objectives|interactions)\.\d+)\.(.+)$/.exec(key);
    if (owner && owner[2] !== 'id') {
      const needsType = /^(correct_responses|learner_response)/.test(owner[2]);
      if (!(`${owner[1]}.id` in values) || (needsType && !(`${owner[1]}.type` in values))) {
        return fail(codes.dependency, name, 'false');
      }
    }
    const problem = element.check(value);
    if (problem) {
      return fail(codes[problem], name, 'false');
    }
    // 2004: an objective's id is unique and, once set, stays.
    const otherId = (k) => k !== key && /^cmi\.objectives\.\d+\.id$/.test(k) && values[k] === value;
    const changed = key in values && values[key] !== value;
    if (v2004 && norm === 'cmi.objectives.n.id' && (changed || Object.keys(values).some(otherId))) {
      return fail(codes.setFailure, `${name} cannot change or repeat another objective's id`, 'false');
    }
    values[key] = value;
    version++;
    return ok('true');
  }

  function commitCall(arg) {
    if (state !== 'running') {
      return refuse('commit', 'false');
    }
    if (String(arg ?? '') !== '') {
      return fail(codes.argument, 'The argument must be ""', 'false');
    }
    commit(false);
    return ok('true');
  }

  // Saving: one request at a time, each sending the newest values. savedVersion is the last version the portal
  // accepted, so a failed save is sent again by the next commit.
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
  const csrfHeader = meta('_csrf_header');
  const csrfToken = meta('_csrf');
  const status = document.getElementById('scorm-state');
  const say = (message) => status && (status.textContent = message);
  let savedVersion = 0;
  let finishRequested = false;
  let finishSaved = false;
  let wanted = false;
  let inFlight = 0;
  let leaving = false;

  function commit(finished) {
    finishRequested = finishRequested || finished;
    wanted = true;
    send();
  }

  function send() {
    // While the page goes away a waiting request would die with it, so it goes at once.
    if (!wanted || (inFlight && !leaving)) {
      return;
    }
    wanted = false;
    const finished = finishRequested;
    const sending = version;
    if (sending === savedVersion && (!finished || finishSaved)) {
      return;
    }
    const body = JSON.stringify({ cmi: values, finished });
    const headers = { 'Content-Type': 'application/json' };
    if (csrfHeader && csrfToken) {
      headers[csrfHeader] = csrfToken;
    }
    inFlight++;
    // Browsers refuse keepalive bodies over 64 KiB; a long suspend_data goes as an ordinary request.
    const keepalive = new TextEncoder().encode(body).length < 60000;
    fetch(data.commitUrl, { method: 'POST', headers, body, credentials: 'same-origin', keepalive })
      .then((response) => {
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`);
        }
        savedVersion = Math.max(savedVersion, sending);
        finishSaved = finishSaved || finished;
        say(finished ? data.finishedText || 'Lesson finished' : data.savedText || 'Progress saved');
      })
      .catch(() => say(data.failedText || 'Progress could not be saved; it will be retried'))
      .finally(() => {
        inFlight--;
        send();
      });
  }

  // Leaving without Finish/Terminate (or after a final save that failed) still saves what the content set.
  window.addEventListener('pagehide', () => {
    leaving = true;
    if (state !== 'new') {
      commit(false);
    }
  });
  window.addEventListener('pageshow', () => (leaving = false));

  const lastError = () => String(error);
  const errorString = (code) => messages[String(code ?? '')] || '';
  const getDiagnostic = (code) => {
    const asked = String(code ?? '');
    return asked === '' || asked === String(error) ? diagnostic || messages[error] : errorString(asked);
  };

  window[v2004 ? 'API_1484_11' : 'API'] = Object.freeze(v2004
    ? { Initialize: initialize, Terminate: finish, GetValue: getValue, SetValue: setValue, Commit: commitCall,
        GetLastError: lastError, GetErrorString: errorString, GetDiagnostic: getDiagnostic }
    : { LMSInitialize: initialize, LMSFinish: finish, LMSGetValue: getValue, LMSSetValue: setValue, LMSCommit: commitCall,
        LMSGetLastError: lastError, LMSGetErrorString: errorString, LMSGetDiagnostic: getDiagnostic });

  const frame = document.getElementById('scorm-frame');
  if (frame?.dataset.src) {
    frame.src = frame.dataset.src;
  }
})();
