# Plenum — Deutsch (Standardsprache und Rückfall für jede fehlende Übersetzung)

app-name = Plenum
language-name = Deutsch
language-switch = Sprache
skip-to-content = Zum Inhalt springen
nav-label = Hauptnavigation
nav-processes = Prozesse
nav-login = Anmelden
nav-logout = Abmelden
nav-staff = Verwaltung
nav-users = Konten
footer-text = Plenum – Beteiligung für lokale Handlungskonzepte gegen Rassismus und Rechtsextremismus.
loading = Wird geladen …
save = Speichern
save-named = Speichern: { $name }
saved = Gespeichert.
delete = Löschen
remove = Entfernen
move-up = Nach oben
move-down = Nach unten

date-format = { $day }.{ $month }.{ $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

error-not-found-title = Seite nicht gefunden
error-not-found = Diese Seite gibt es nicht (mehr). Vielleicht wurde der Link falsch kopiert.
error-forbidden-title = Keine Berechtigung
error-forbidden = Ihr Konto darf diese Aktion nicht ausführen.
error-unauthenticated-title = Anmeldung erforderlich
error-unauthenticated = Bitte melden Sie sich an, um fortzufahren.
error-internal-title = Etwas ist schiefgegangen
error-internal = Ein Fehler auf dem Server ist aufgetreten. Ihre Eingaben wurden nicht gespeichert. Bitte versuchen Sie es gleich noch einmal.
error-transport = Der Server ist gerade nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.
error-invalid = Bitte prüfen Sie die markierten Felder.
error-conflict = Diese Angabe gibt es bereits.
error-rate-limited = Zu viele Versuche. Bitte warten Sie { $seconds } Sekunden.
error-back-home = Zur Startseite

field-required = Bitte füllen Sie dieses Feld aus.
field-length = Bitte { $min } bis { $max } Zeichen eingeben (jetzt { $actual }).
field-too-long = Höchstens { $max } Zeichen (jetzt { $actual }).
field-date = Bitte ein gültiges Datum eingeben (TT.MM.JJJJ).
field-email = Bitte eine gültige E-Mail-Adresse eingeben.
field-email-taken = Für diese E-Mail-Adresse gibt es schon ein Konto.
field-password = Das Passwort muss { $min } bis { $max } Zeichen lang sein.
field-password-mismatch = Die beiden Passwörter stimmen nicht überein.
field-role = Bitte eine Rolle wählen.
field-count-limit = Höchstens { $max } Einträge möglich.
field-email-label = E-Mail-Adresse
field-password-label = Passwort
field-password-repeat-label = Passwort wiederholen
hint-length = { $min } bis { $max } Zeichen
hint-password = Mindestens { $min } Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und sicher.

role-admin = Administration
role-organizer = Organisation / Koordination
role-moderator = Moderation

login-title = Anmeldung für Mitarbeitende
login-intro = Teilnehmende brauchen kein Konto. Diese Anmeldung ist für Organisation, Moderation und Administration.
login-submit = Anmelden
login-failed = E-Mail-Adresse oder Passwort ist nicht korrekt.

setup-title = Plenum einrichten
setup-intro = Legen Sie das erste Administrationskonto an. Dieser Link funktioniert nur einmal.
setup-submit = Konto anlegen und anmelden
setup-invalid = Dieser Einrichtungslink ist ungültig oder wurde schon verwendet. Starten Sie den Server neu, um einen neuen Link zu erhalten, solange es noch kein Administrationskonto gibt.

users-title = Konten der Mitarbeitenden
users-new = Neues Konto
users-new-intro = Plenum erzeugt ein sicheres Passwort, das Sie der Person auf sicherem Weg weitergeben.
users-create = Konto anlegen
users-created = Konto für { $email } angelegt. Passwort:
users-created-hint = Das Passwort wird nur jetzt angezeigt.
users-role = Rolle
users-status = Status
users-actions = Aktionen
users-active = aktiv
users-inactive = deaktiviert
users-activate = Aktivieren
users-deactivate = Deaktivieren
users-none = Noch keine Konten.
users-cannot-deactivate-self = Sie können Ihr eigenes Konto nicht deaktivieren.

home-title = Beteiligung
home-heading = Gemeinsam handeln gegen Rassismus und Rechtsextremismus
home-lead = Hier entwickeln Stadtgesellschaft, Migrantenorganisationen und Verwaltung das lokale Handlungskonzept: in Workshops, mit Abstimmungen und nachvollziehbar bis zur Umsetzung.
home-processes = Laufende Beteiligungsprozesse
home-no-processes = Zurzeit ist kein Beteiligungsprozess veröffentlicht.

staff-title = Verwaltung
staff-no-processes = Es gibt noch keinen Beteiligungsprozess.

process-new = Neuer Beteiligungsprozess
process-create = Prozess anlegen
process-name = Name des Prozesses
process-municipality = Kommune
process-description = Beschreibung
process-draft = Entwurf
process-published = Veröffentlicht
process-edit = Bearbeiten
process-current-phase = Aktuelle Phase
process-phases = Phasen
process-goals = Übergeordnete Ziele
process-action-fields = Handlungsfelder
process-field-goals = Ziele des Handlungsfelds
process-no-action-fields = Noch keine Handlungsfelder.
process-themes = Themenfelder

editor-title = { $name } bearbeiten
editor-eyebrow = Prozess bearbeiten
editor-basics = Grunddaten
editor-view-public = Öffentliche Seite ansehen
editor-publish = Veröffentlichen
editor-unpublish = Zurück in den Entwurf

phase-name = Name der Phase
phase-starts-on = Beginn
phase-ends-on = Ende
phase-add = Phase hinzufügen
phase-current = aktuelle Phase
phase-make-current = Als aktuell markieren
phase-from = ab { $date }
phase-until = bis { $date }
phase-end-before-start = Das Ende darf nicht vor dem Beginn liegen.
phase-default-analysis = Analyse der Ausgangssituation
phase-default-inventory = Bestandsanalyse
phase-default-measures = Maßnahmenentwicklung
phase-default-implementation = Maßnahmenumsetzung und Verstetigung
phase-default-evaluation = Evaluation

goal-title = Ziel
goal-add = Ziel hinzufügen

action-field-name = Name des Handlungsfelds
action-field-description = Beschreibung des Handlungsfelds
action-field-add = Handlungsfeld hinzufügen
action-field-name-taken = Ein Handlungsfeld mit diesem Namen gibt es schon.

theme-name = Themenfeld
theme-add = Themenfeld hinzufügen
theme-name-taken = Dieses Themenfeld gibt es schon.
