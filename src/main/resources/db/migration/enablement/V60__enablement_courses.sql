-- Courses (ADR 27): lessons of Markdown, video, a library file, a SCORM package or a quiz; who a course is assigned
-- to (an audience, as assets have, so a partner changing tier gets the new tier's courses at once); and what each
-- partner user did: a lesson's progress (a SCORM package's own data with it), quiz attempts, a course completed.

create table enablement_course
(
    id             uuid primary key,
    workspace_id   uuid        not null,
    title          text        not null,
    description    text        not null,
    audience_match text        not null check (audience_match in ('ALL', 'ANY')),
    program_ids    uuid[]      not null,
    tier_ids       uuid[]      not null,
    partner_types  text[]      not null,
    regions        text[]      not null,
    partner_ids    uuid[]      not null,
    published_at   timestamptz,
    archived_at    timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index enablement_course_workspace on enablement_course (workspace_id, title);

create table enablement_lesson
(
    id                 uuid primary key,
    workspace_id       uuid        not null,
    course_id          uuid        not null references enablement_course (id),
    position           int         not null,
    title              text        not null,
    kind               text        not null check (kind in ('TEXT', 'VIDEO', 'FILE', 'SCORM', 'QUIZ')),
    -- Markdown: the lesson itself (TEXT), or a few words before the video, file, package or quiz.
    body               text        not null,
    video_url          text,
    -- A library file (FILE, or an uploaded VIDEO); a learner gets it through the lesson, whatever its audience.
    asset_id           uuid references enablement_asset (id),
    scorm_version      text check (scorm_version in ('SCORM_12', 'SCORM_2004')),
    scorm_key          text,
    scorm_launch       text,
    question_count     int,
    pass_percent       int,
    attempts_allowed   int,
    cooldown_minutes   int,
    time_limit_minutes int,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    removed_at         timestamptz
);
create index enablement_lesson_course on enablement_lesson (course_id, position);
-- A package is served by its key (/learn/{key}/…), which must lead to one lesson.
create unique index enablement_lesson_scorm on enablement_lesson (scorm_key);

-- A quiz's question bank: each attempt draws question_count of these.
create table enablement_question
(
    id           uuid primary key,
    workspace_id uuid        not null,
    lesson_id    uuid        not null references enablement_lesson (id),
    position     int         not null,
    text         text        not null,
    choices      text[]      not null,
    -- Indexes into choices (from 0); more than one makes a multiple-choice question.
    correct      int[]       not null,
    created_at   timestamptz not null,
    removed_at   timestamptz
);
create index enablement_question_lesson on enablement_question (lesson_id, position);

create table enablement_enrolment
(
    course_id    uuid        not null references enablement_course (id),
    person_id    uuid        not null,
    workspace_id uuid        not null,
    partner_id   uuid        not null,
    person       text        not null,
    started_at   timestamptz not null,
    completed_at timestamptz,
    primary key (course_id, person_id)
);
create index enablement_enrolment_partner on enablement_enrolment (workspace_id, partner_id);

create table enablement_progress
(
    lesson_id    uuid        not null references enablement_lesson (id),
    person_id    uuid        not null,
    workspace_id uuid        not null,
    course_id    uuid        not null,
    partner_id   uuid        not null,
    status       text        not null check (status in ('STARTED', 'COMPLETED', 'PASSED', 'FAILED')),
    -- Percent, 0 to 100, when the lesson scores (a quiz, a SCORM package that reports one).
    score        numeric(5, 2),
    -- A SCORM package's data model as it last committed it (dotted keys to strings).
    cmi          jsonb       not null default '{}',
    updated_at   timestamptz not null,
    completed_at timestamptz,
    primary key (lesson_id, person_id)
);

create table enablement_attempt
(
    id           uuid primary key,
    workspace_id uuid        not null,
    lesson_id    uuid        not null references enablement_lesson (id),
    person_id    uuid        not null,
    partner_id   uuid        not null,
    number       int         not null,
    question_ids uuid[]      not null,
    started_at   timestamptz not null,
    deadline     timestamptz,
    submitted_at timestamptz,
    correct      int,
    score        numeric(5, 2),
    passed       boolean,
    -- The choices given, per question id (arrays of indexes).
    answers      jsonb,
    unique (lesson_id, person_id, number)
);
