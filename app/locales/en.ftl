# Plenum — English

app-name = Plenum
language-name = English
language-switch = Language
skip-to-content = Skip to content
nav-label = Main navigation
nav-processes = Processes
nav-login = Log in
nav-logout = Log out
nav-staff = Administration
nav-users = Accounts
footer-text = Plenum – participation for local action plans against racism and right-wing extremism.
loading = Loading …
save = Save
save-named = Save: { $name }
saved = Saved.
delete = Delete
remove = Remove
move-up = Move up
move-down = Move down

date-format = { $dayshort } { $monthname } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

error-not-found-title = Page not found
error-not-found = This page does not exist (any more). Perhaps the link was copied incorrectly.
error-forbidden-title = Not allowed
error-forbidden = Your account may not do this.
error-unauthenticated-title = Login required
error-unauthenticated = Please log in to continue.
error-internal-title = Something went wrong
error-internal = An error occurred on the server. Your input was not saved. Please try again in a moment.
error-transport = The server cannot be reached right now. Please check the connection and try again.
error-invalid = Please check the marked fields.
error-conflict = This entry already exists.
error-rate-limited = Too many attempts. Please wait { $seconds } seconds.
error-back-home = Back to the start page

field-required = Please fill in this field.
field-length = Please enter { $min } to { $max } characters (now { $actual }).
field-too-long = At most { $max } characters (now { $actual }).
field-date = Please enter a valid date (DD.MM.YYYY).
field-email = Please enter a valid e-mail address.
field-email-taken = There already is an account for this e-mail address.
field-password = The password must be { $min } to { $max } characters long.
field-password-mismatch = The two passwords do not match.
field-role = Please choose a role.
field-count-limit = At most { $max } entries are possible.
field-email-label = E-mail address
field-password-label = Password
field-password-repeat-label = Repeat password
hint-length = { $min } to { $max } characters
hint-password = At least { $min } characters. A sentence of several words is easy to remember and safe.

role-admin = Administration
role-organizer = Organizer / coordination
role-moderator = Moderator

login-title = Staff login
login-intro = Participants need no account. This login is for organizers, moderators and administrators.
login-submit = Log in
login-failed = The e-mail address or password is not correct.

setup-title = Set up Plenum
setup-intro = Create the first administrator account. This link works only once.
setup-submit = Create account and log in
setup-invalid = This setup link is invalid or has already been used. Restart the server to get a new link while there is no administrator account yet.

users-title = Staff accounts
users-new = New account
users-new-intro = Plenum generates a strong password; hand it to the person over a safe channel.
users-create = Create account
users-created = Account created for { $email }. Password:
users-created-hint = The password is shown only now.
users-role = Role
users-status = Status
users-actions = Actions
users-active = active
users-inactive = deactivated
users-activate = Activate
users-deactivate = Deactivate
users-none = No accounts yet.
users-cannot-deactivate-self = You cannot deactivate your own account.

home-title = Participation
home-heading = Acting together against racism and right-wing extremism
home-lead = Here civil society, migrant organisations and the administration develop the local action plan: in workshops, with votes, and traceable all the way to implementation.
home-processes = Current participation processes
home-no-processes = No participation process is published at the moment.

staff-title = Administration
staff-no-processes = There is no participation process yet.

process-new = New participation process
process-create = Create process
process-name = Name of the process
process-municipality = Municipality
process-description = Description
process-draft = Draft
process-published = Published
process-edit = Edit
process-current-phase = Current phase
process-phases = Phases
process-goals = Overarching goals
process-action-fields = Action fields
process-field-goals = Goals of the action field
process-no-action-fields = No action fields yet.
process-themes = Themes

editor-title = Edit { $name }
editor-eyebrow = Edit process
editor-basics = Basic data
editor-view-public = View public page
editor-publish = Publish
editor-unpublish = Back to draft

phase-name = Name of the phase
phase-starts-on = Start
phase-ends-on = End
phase-add = Add phase
phase-current = current phase
phase-make-current = Mark as current
phase-from = from { $date }
phase-until = until { $date }
phase-end-before-start = The end must not be before the start.
phase-default-analysis = Analysis of the starting situation
phase-default-inventory = Inventory analysis
phase-default-measures = Development of measures
phase-default-implementation = Implementation and consolidation of measures
phase-default-evaluation = Evaluation

goal-title = Goal
goal-add = Add goal

action-field-name = Name of the action field
action-field-description = Description of the action field
action-field-add = Add action field
action-field-name-taken = There already is an action field with this name.

theme-name = Theme
theme-add = Add theme
theme-name-taken = This theme already exists.
action-field-has-proposals = This action field already has proposals; it cannot be deleted.

cancel = Cancel
field-choice = Please choose one of the offered entries.
field-datetime = Please enter a date and time, e.g. 05.03.2026 18:00.
field-url = Please enter a link starting with https://.
staff-processes = Participation processes

ws-list = Workshops
ws-none = This process has no workshops yet.
ws-new = New workshop
ws-create = Create workshop
ws-title = Workshop title
ws-starts = Date and time
ws-starts-at = { $date }, { $time }
ws-mode = Format
ws-mode-in-person = In person
ws-mode-online = Online
ws-mode-hybrid = Hybrid
ws-place = Place
ws-link = Video conference link
ws-meeting-link = Join the video conference
ws-fields = Action fields of this workshop
ws-fields-hint = Without a choice, all action fields of the process apply.
ws-needs-action-field = The process has no action field yet. Please add one first.
ws-moderators = Moderators (accounts that run this workshop)
ws-settings = Settings
ws-mine-staff = My workshops
ws-none-staff = No workshop has been assigned to you yet.
ws-code = Code
ws-short-link = Short link
ws-join-data = Join
ws-qr-label = QR code to join: { $link }
ws-beamer = Open projector view
beamer-title = Projector: { $title }
ws-course = Course
ws-step-back = Back to: { $state }
ws-step-forward = On to: { $state }
ws-state-draft = Draft
ws-state-collecting = Collecting proposals
ws-state-clustering = Grouping proposals
ws-state-voting = Voting
ws-state-closed = Closed
ws-state-step = A workshop can only move one step forward or back.
ws-state-changed = The workshop has been moved on meanwhile. The page now shows the new state.
ws-not-started = This workshop has not started yet. The moderators open it when it begins; please try again then.
ws-closed = This workshop has ended. Thank you for taking part!
ws-to-process = To the participation process
ws-hello = You take part as { $name }.
ws-hello-anonymous = You take part without a name.
ws-mine = My proposals
ws-mine-empty = You have not submitted a proposal yet.
ws-board = All proposals
ws-notice-collecting = Proposals can be submitted now.
ws-notice-clustering = Collecting has ended. The moderators are grouping similar proposals.
ws-notice-voting = Collecting has ended. Voting is under way.

join-with-code = Join with a code
join-code-label = Workshop code
join-code-hint = Six characters, for example K7PX3M. They are shown on the screen.
join-code-go = Continue
join-code-invalid = There is no such code. A code has six letters and digits (without 0, O, 1, I and L).
join-title = Join: { $title }
join-lead = You need no account. Name and organisation are optional.
join-display-name = Name shown with your proposals
join-display-name-hint = Optional. Without a name, "anonymous" is shown.
join-organisation = Organisation
join-org-type = Type of organisation
join-org-type-none = Not stated
join-consent = I have read the privacy notice and agree.
join-consent-required = Please agree to the privacy notice to take part.
join-submit = Join
privacy-heading = Privacy notice
privacy-text = The municipality stores your proposals and the optional details (name, organisation) to draw up the action plan together. Everyone in the workshop sees your proposals with the name you gave. A cookie remembers on this device that you take part; no e-mail address is collected. The moderators or the organisers of the process give information and delete data on request.

org-type-migrant = Migrant organisation
org-type-association = Association/initiative
org-type-administration = Administration
org-type-politics = Politics
org-type-education = School/education
org-type-individual = Individual
org-type-other = Other

proposal-new = New proposed measure
proposal-action-field = Action field
proposal-choose-field = Please choose
proposal-single-field = Action field: { $field }
proposal-field-required = Please choose an action field.
proposal-title = Title of the measure
proposal-description = Description
proposal-more = More details (optional)
proposal-goal = Goal
proposal-target-group = Target group
proposal-partners = Possible cooperation partners
proposal-timeframe = Timeframe
proposal-submit = Submit proposal
proposal-sent = Thank you! Your proposal has arrived.
proposal-offline = No connection: your proposal has not been sent yet. Please send it again.
proposal-not-collecting = This workshop is not collecting proposals right now.
proposal-limit = You have reached the maximum of { $max } proposals in this workshop. Withdraw one to submit a new one.
proposal-rate = At most { $max } proposals per minute. Please wait { $seconds } seconds.
proposal-changed = The proposal was changed meanwhile. Please reload the page and check the new version.
proposal-not-hidden = The proposal is not hidden.
proposal-mine = Your proposal
proposal-edited = edited
proposal-reports = { $count ->
    [one] 1 report
   *[other] { $count } reports
}
proposal-hidden = Hidden by the moderators
proposal-edit = Edit
proposal-edit-label = Edit: { $title }
proposal-edit-title = Edit proposal
proposal-withdraw = Withdraw
proposal-withdraw-label = Withdraw: { $title }
proposal-hide = Hide
proposal-hide-label = Hide: { $title }
proposal-hide-reason = Reason (the person who submitted it sees it)
proposal-hide-confirm = Hide
proposal-restore = Show again
proposal-restore-label = Show again: { $title }
author-anonymous = anonymous
author-room = from the room
author-deleted = deleted
board-count = { $count ->
    [one] 1 proposal
   *[other] { $count } proposals
}
board-participants = { $count ->
    [one] 1 participant
   *[other] { $count } participants
}
board-empty = No proposals yet.
live-on = Live: new proposals appear by themselves.
live-off = Connecting …

report-link = Report
report-label = Report: { $title }
report-title = Report a proposal
report-lead = The moderators see your report and decide whether the proposal is hidden.
report-reason = What is the problem? (optional)
report-submit = Report
report-thanks = Thank you, the moderators see your report.
report-twice = You have already reported this proposal.
reports-heading = Reports ({ $count })
report-dismiss = Done

room-add = Add a proposal from the room
room-submit = Add proposal

history = History
history-original = submitted

participants-heading = Participants ({ $count })
participants-hint = Access and erasure under the GDPR: the export downloads all data of one person as JSON. On deletion, their proposals stay and are shown as "deleted".
participants-none = Nobody has joined yet.
participants-proposals = Proposals
participants-actions = Privacy
participant-export = Export (JSON)
participant-export-label = Export as JSON: { $name }
participant-delete = Delete data
participant-delete-label = Delete data: { $name }

cluster-no-cards = Please choose at least one proposal.
cluster-other-field = At least one proposal belongs to another action field than the cluster. Please confirm that it belongs there all the same.
cluster-merge-self = A cluster cannot be merged with itself.
cluster-split-members = Only proposals in this cluster can be split off.
clustering-not-open = Grouping is only possible while the workshop is in the step "Grouping proposals".
clustering-changed = Someone else has just changed the clusters. You now see the new state; please check your step and repeat it.
clustering-nothing-to-undo = There is no step to undo.
clustering-nothing-to-redo = There is no step to redo.

cl-open = Group proposals
cl-title = Grouping: { $title }
cl-heading = Group proposals
cl-toolbar = Grouping tools
cl-filter = Show action field
cl-filter-all = All action fields
cl-selected = { $count ->
    [0] Nothing selected
    [one] 1 proposal selected
   *[other] { $count } proposals selected
}
cl-select-hint = (select)
cl-new-title = Title of the new cluster
cl-create = New cluster from selection
cl-move-to = Move to cluster
cl-choose = Please choose
cl-choose-cluster = Please choose a cluster.
cl-move = Move
cl-take-out = Take out of cluster
cl-undo = Undo
cl-redo = Redo
cl-suggest = Group similar proposals
cl-loose = Not in a cluster yet ({ $count })
cl-drop-new = Drag here: new cluster
cl-actions = Edit cluster "{ $title }"
cl-cluster-title = Title
cl-cluster-summary = Short summary
cl-merge-from = Merge this cluster into this one
cl-merge = Merge
cl-split = Split off selected
cl-split-select = Please select proposals of this cluster first.
cl-dissolve = Dissolve
cl-history = Show history
cl-undone = undone
cl-kind-create = created
cl-kind-add = proposals added
cl-kind-remove = proposals taken out
cl-kind-merge = merged
cl-kind-split = split off
cl-kind-dissolve = dissolved
cl-kind-rename = renamed
cl-suggestions = Suggested groups ({ $count })
cl-no-suggestions = No similar proposals found.
cl-suggest-into = Into "{ $title }":
cl-accept = Accept
cl-pick = Select and adjust
cl-reject = Reject
cl-announce-created = Cluster "{ $title }" created with { $count ->
    [one] 1 proposal
   *[other] { $count } proposals
}.
cl-announce-moved = { $count ->
    [one] 1 proposal
   *[other] { $count } proposals
} moved to "{ $title }".
cl-announce-removed = { $count ->
    [one] 1 proposal
   *[other] { $count } proposals
} taken out of the cluster.
cl-announce-merged = Merged into "{ $title }".
cl-announce-dissolved = Cluster "{ $title }" dissolved; its proposals are free again.
cl-announce-renamed = The cluster is now called "{ $title }".
cl-announce-undone = Last step undone.
cl-announce-redone = Step redone.
cl-announce-suggestions = { $count } suggested groups found.
cl-announce-accepted = Suggestion accepted ({ $count } proposals).
clusters-count = { $count ->
    [one] 1 cluster
   *[other] { $count } clusters
}

## Votes
field-number = Please enter a whole number from { $min } to { $max }.
vote-open-page = Votes
vote-page-title = Votes – { $title }
vote-page-heading = Votes
vote-prepare-only = You can prepare rounds now; they can be opened once the workshop is voting.
vote-new = New vote round
vote-round-title = Title of the round
vote-method = Method
vote-method-dots = Dot voting
vote-method-approval = Approval (yes per option)
vote-method-score = Score (0 to 5)
vote-method-ranking = Ranking (Schulze method)
vote-method-missing = Please choose a method.
vote-dots = Dots per person
vote-dots-hint = Dot voting only; default 5.
vote-per-option = At most on one option
vote-per-option-hint = Dot voting only; default 3.
vote-max = At most yes votes
vote-max-hint = Approval only; empty = any number.
vote-minutes = Time in minutes
vote-minutes-hint = Empty = you close the round yourself; at most { $max } minutes.
vote-live-results = Show the interim result during the round
vote-pick = What people vote on (2 to { $max } options)
vote-kind-cluster = Cluster
vote-kind-proposal = Proposal
vote-create = Create round
vote-rounds = Rounds
vote-state-draft = prepared
vote-state-open = open
vote-state-closed = closed
vote-open = Open round
vote-close = Close round
vote-timer = time { $time }
vote-locked-note = locked (the first ballot is in)
vote-turnout = { $cast } of { $eligible } have voted
vote-ballot-file = Ballots (anonymous, JSON)
vote-paper = Enter dots from the pinboard
vote-paper-hint = Dots stuck on paper, per option; shown separately and added to the totals.
vote-paper-save = Save paper dots
vote-paper-note = Including the dots counted on the pinboard (paper).
vote-options-count = Please choose { $min } to { $max } options.
vote-rounds-limit = A workshop has at most { $max } rounds.
vote-not-voting = This is only possible while the workshop is voting.
vote-one-open = A round is already open. Close it first.
vote-not-draft = This round has already been opened.
vote-not-open = This round is not open.
vote-not-open-yet = This round is not open yet.
vote-closed = This round is closed; no more ballots can be cast.
vote-not-closed = The ballots are available once the round is closed.
vote-locked = The first ballot is in: method, settings and options stay. Create a new round to change them.
vote-paper-method = Paper dots exist only for dot voting and approval.
vote-heading = Vote
vote-none-yet = Starting soon: the vote is not open yet.
vote-closed-notice = The round is closed. The result:
vote-rules-dots = You have { $dots } dots and can put at most { $per } on one option. You need not use them all.
vote-rules-approval = Tick every option you approve of.
vote-rules-approval-max = Tick at most { $max } options you approve of.
vote-rules-score = Score the options from 0 (not at all) to 5 (very much); what you leave out does not count.
vote-rules-ranking = Give the options places: 1 for the best. Options without a place rank behind all with one.
vote-dots-left = { $count ->
    [one] 1 dot left
   *[other] { $count } dots left
}
vote-unit-dots = dots
vote-unit-score = of { $max }
vote-unit-place = place
vote-score-none = – no score –
vote-cast = Cast vote
vote-change = Change vote
vote-abstain = Abstain
vote-counted = Your vote is counted. You can change it until the round closes.
vote-abstained = You abstained. You can still vote until the round closes.
vote-time-left = Time left
vote-time-left-clock = Time left { $time }
vote-unsaved-warning = One minute left: your vote has not been cast yet.
ballot-shape = This ballot does not fit the round's method.
ballot-unknown-option = This option is not part of the round.
ballot-duplicate = This option appears twice.
ballot-too-many-dots = Too many dots: at most { $max } in total.
ballot-too-many-on-one = At most { $max } dots on one option.
ballot-too-many-approvals = Tick at most { $max } options.
ballot-score-range = Please give a score from 0 to { $max }.
ballot-place-twice = Each place only once.
vote-result-summary = { $method }: { $ballots } ballots of { $eligible } participants.
vote-provisional = (interim)
vote-result-table = Result in numbers
vote-place = Place
vote-place-tied = { $place } (tied)
vote-option = Option
vote-figure = Result
vote-figure-detail = Of which
vote-figure-dots = { $count ->
    [one] 1 dot
   *[other] { $count } dots
}
vote-figure-approvals = { $count } yes
vote-figure-paper = { $online } online, { $paper } on paper
vote-figure-unscored = not scored
vote-figure-scores = { $count } scores ({ $spread })
vote-pairwise = Pairwise comparison: ballots that put the row's option above the column's.
vote-offline = No connection: your vote has not been cast yet. Please send it again.
board-more = { $count ->
    [one] and 1 more proposal
   *[other] and { $count } more proposals
}

## Plan
field-month = Please give a month, e.g. 03/2027.
measure-title = Measure
measure-description = Description
measure-action-field = Action field
measure-action-field-required = Please choose an action field of the process.
measure-phase = Phase
measure-phase-none = – no phase –
measure-phase-unknown = This phase does not belong to the process.
measure-timeframe = Timeframe
measure-time-from = From (month)
measure-time-to = To (month)
measure-month-hint = e.g. 03/2027
measure-time-text = Or as text
measure-time-text-hint = e.g. “July to the end of the project”; used only when no months are given.
measure-end-before-start = The end is before the start.
measure-goals = Goal
measure-goals-of-process = Goals of the process
measure-goals-of-field = Goals in the action field { $field }
measure-goal-other-field = The goal “{ $goal }” belongs to another action field.
measure-choice-unknown = Please choose only entries offered.
measure-suggested-goals = Goals the proposals named:
measure-themes = Themes
measure-partners = Cooperation partners
measure-new-partners = New cooperation partners (one per line)
measure-new-partner-kind = Kind of the new partners
measure-lead = Lead
measure-target-groups = Target groups
measure-indicators = Indicators
measure-resources = Resources
measure-status = Status
measure-progress = Progress (%)
measure-progress-hint = 0 to 100; “completed” means 100 %.
measure-status-planned = planned
measure-status-in_progress = in progress
measure-status-done = completed
measure-status-paused = paused
measure-status-dropped = dropped
measure-status-unknown = Please choose a status: planned, in progress, completed, paused, dropped.
measure-planned-progress = A planned measure is at 0 %. For progress, choose “in progress”.
measure-origin-workshop = Taken from a workshop
measure-origin-direct = Written directly
measure-origin-import = Read from a table
measure-merged = This measure was merged into another and can no longer be changed.
measure-merge-refused = A measure can only be merged into another, unmerged measure of the same plan.
measure-merge-choose = Please choose the measure this one goes into.
partner-kind-administration = Administration
partner-kind-migrant = Migrant organisation
partner-kind-association = Association
partner-kind-school = School
partner-kind-politics = Politics
partner-kind-science = Research
partner-kind-other = Other
partner-name-too-long = The partner name “{ $name }” is too long: at most { $max } characters.
plan-title = Action plan – { $name }
plan-heading = Action plan: { $name }
plan-version-adopted = Adopted version { $number } of { $date }
plan-version-draft = Draft – not adopted yet
plan-draft-notice = This is the draft. It may still change and has not been adopted by the steering committee.
plan-adoption-note = Decision
plan-adoption-note-hint = Optional: meeting, minutes or document number (at most 500 characters).
plan-edit = Edit plan
plan-edit-measure = Edit measure
plan-downloads = Downloads
plan-download-csv = Table (CSV for Excel)
plan-download-json = Open data (JSON)
plan-print = Print view
plan-print-title = Print view – { $name }
plan-print-hint = To save as PDF: choose Print, then “Save as PDF” (A4 landscape).
plan-back = Back to the plan
plan-filter-version = Version
plan-filter-version-newest = Newest adopted version
plan-filter-all = All
plan-filter-apply = Show
plan-search = Search
plan-count = { $shown } of { $total } measures
plan-empty = No measure matches this selection.
plan-table-caption = Measures in the action field { $field }
plan-provenance = Where it came from
plan-source-workshop = Workshop
plan-source-cluster = Cluster
plan-source-proposals = Proposals the measure came from:
plan-source-no-proposals = No visible proposals.
plan-merged-from = Merged from: { $titles }
plan-merged-into = This measure went into:
plan-timeline = Implementation
plan-timeline-empty = No implementation entries yet.
plan-note = Progress
plan-milestone = Milestone
plan-milestone-done = Milestone reached
plan-vote-place = Place { $place } of { $of }
plan-vote-place-tied = Place { $place } (tied) of { $of }
plan-vote-points = { $count ->
    [one] 1 dot
   *[other] { $count } dots
}
plan-vote-approvals = { $count ->
    [one] 1 approval
   *[other] { $count } approvals
}
plan-vote-paper = , { $count } of them on paper
plan-vote-mean = mean { $mean }
plan-admin-title = Edit action plan – { $name }
plan-admin-heading = Action plan
plan-link-hint = Take measures from the workshops, record the adoption, follow the implementation.
plan-open = Open action plan
plan-new-measure = New measure
plan-view-public = Public view
plan-view-measure = Public page of the measure
plan-draft-heading = Draft ({ $count } measures)
plan-draft-empty = No measures yet. Take results from the workshops or write a measure.
plan-candidates = Take from workshops
plan-candidates-hint = Clusters and single proposals of closed workshops, by their vote result.
plan-candidates-empty = No workshop is closed yet.
plan-candidate-proposals = { $count ->
    [one] 1 proposal
   *[other] { $count } proposals
}
plan-candidate-promoted = Already taken as:
plan-promote = Take as a measure
plan-promote-label = Take as a measure: “{ $title }”
plan-promote-heading = Take as a measure
plan-new-heading = New measure (written directly)
plan-promote-exists = The measure “{ $titles }” already came from this. Do you want to update it?
plan-promote-update = Update “{ $title }”
plan-promote-anyway = Create a new measure anyway
plan-promote-again = The measure “{ $title }” already came from this. Please update it or explicitly create a new one.
plan-promote-not-closed = Results can be taken once the workshop is closed.
plan-create-measure = Create measure
plan-edit-heading = Content
plan-progress-heading = Status and progress
plan-staff-heading = Responsible
plan-staff-legend = These accounts may post progress
plan-note-heading = Post progress or a milestone
plan-note-kind = Kind
plan-note-date = Date
plan-note-text = Text
plan-milestone-reached = Milestone reached
plan-add-note = Post
plan-merge-heading = Merge
plan-merge-hint = This measure goes into the chosen one; provenance, goals, partners and entries are kept.
plan-merge-into = Merge into
plan-merge = Merge
plan-publish-heading = Publish
plan-process-unpublished = The process is not published yet: visitors see the plan only after that.
plan-draft-is-public = Visitors see the draft (labelled) beside the adopted version.
plan-draft-is-private = Visitors see adopted versions only.
plan-draft-show = Publish the draft
plan-draft-hide = Stop showing the draft
plan-adopt-heading = Adoption by the steering committee
plan-adopt-hint = The draft as it stands is frozen as the adopted version. Work then goes on in the draft.
plan-adopted-on = Adopted on
plan-adopt = Record adoption
plan-adopted = Version { $number } is adopted and frozen.
plan-no-versions = No adopted version yet.
plan-compare = Compare
plan-compare-a = Version
plan-compare-b = with
plan-compare-title = Compare versions
plan-compare-what = { $a } → { $b }
plan-compare-same = No differences.
plan-diff-added = Added
plan-diff-removed = Removed
plan-diff-changed = Changed
plan-diff-field = Field
plan-diff-before = before
plan-diff-after = after
plan-import-heading = Read a table (CSV)
plan-import-hint = Columns: Handlungsfeld; Phase; Zeitraum; Maßnahme; Beschreibung; Ziel; Kooperationspartner; Federführung; Status. Several goals or partners in one cell on separate lines. Rows with a measure's ID change it, the others are added.
plan-import-file = CSV file (at most 2 MB, 500 rows)
plan-import = Read
plan-imported = Read: { $created } new, { $updated } changed.
plan-import-new-fields = New action fields: { $names }
plan-import-new-phases = New phases: { $names }
plan-import-new-goals = New goals: { $names }
plan-import-new-themes = New themes: { $names }
plan-import-new-partners = New cooperation partners: { $names }
plan-import-refused = The file was not read, nothing was changed:
    { $errors }
plan-import-line = Line { $line }: { $rule }
plan-import-cell = Line { $line }, column “{ $column }”: { $rule }
plan-import-header = The header lacks the columns: { $missing }.
plan-import-empty = The file is empty.
plan-import-rows = At most { $max } rows per file.
plan-import-too-big = The file is too big: at most { $max } MB.
plan-import-too-big-plain = The file is too big: at most 2 MB.
plan-import-no-file = Please choose a CSV file.
plan-import-status = Unknown status “{ $value }”; possible: geplant, in Umsetzung, umgesetzt, pausiert, verworfen.
plan-import-id = The ID is not a valid identifier.
fate-taken = Taken up in measure: { $measures }
fate-not-taken = Not taken up in the plan
doc-title = Documentation – { $title }
doc-heading = Documentation: { $title }
doc-csv = Download as CSV
doc-back = Back to the workshop
doc-workshop = Workshop
doc-date = Date
doc-no-date = no date
doc-place = Place
doc-format = Format
doc-moderators = Moderation
doc-participants = Participants
doc-participants-heading = Participants: { $count }
doc-all = All
doc-org-type = Kind of organisation
doc-org-unknown = not stated
doc-count = Number
doc-proposals-heading = Proposals by action field
doc-proposal = Proposal
doc-cluster = Cluster
doc-fate = In the plan
doc-clusters-heading = Clusters
doc-no-clusters = No clusters.
doc-votes-heading = Votes
doc-no-votes = No closed vote.
doc-round = Vote
doc-place-label = Place
doc-open = Documentation
fate-open = To the measure
plan-import-quote = A quotation mark opened on this line is never closed.
plan-import-id-twice = This ID is already in an earlier line.
plan-import-id-merged = This measure went into “{ $title }”; please delete the line or empty the ID.
plan-import-measures = At most { $max } measures per plan (now { $now }).
action-field-has-measures = This action field has measures in the action plan; it cannot be deleted.
login-busy = Very many people are logging in at once. Please try again in { $seconds } seconds.
