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
