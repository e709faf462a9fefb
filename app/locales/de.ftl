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
action-field-has-proposals = Zu diesem Handlungsfeld gibt es schon Vorschläge; es kann nicht gelöscht werden.

cancel = Abbrechen
field-choice = Bitte einen der angebotenen Einträge wählen.
field-datetime = Bitte Datum und Uhrzeit angeben, z. B. 05.03.2026 18:00.
field-url = Bitte einen Link angeben, der mit https:// beginnt.
staff-processes = Beteiligungsprozesse

ws-list = Workshops
ws-none = Zu diesem Prozess gibt es noch keine Workshops.
ws-new = Neuer Workshop
ws-create = Workshop anlegen
ws-title = Titel des Workshops
ws-starts = Datum und Uhrzeit
ws-starts-at = { $date }, { $time } Uhr
ws-mode = Format
ws-mode-in-person = Präsenz
ws-mode-online = Online
ws-mode-hybrid = Hybrid
ws-place = Ort
ws-link = Link zur Videokonferenz
ws-meeting-link = Zur Videokonferenz
ws-fields = Handlungsfelder dieses Workshops
ws-fields-hint = Ohne Auswahl gelten alle Handlungsfelder des Prozesses.
ws-needs-action-field = Der Prozess hat noch kein Handlungsfeld. Bitte legen Sie zuerst eines an.
ws-moderators = Moderation (Konten, die diesen Workshop leiten)
ws-settings = Einstellungen
ws-mine-staff = Meine Workshops
ws-none-staff = Ihnen ist noch kein Workshop zugeordnet.
ws-code = Code
ws-short-link = Kurzlink
ws-join-data = Teilnehmen
ws-qr-label = QR-Code zum Teilnehmen: { $link }
ws-beamer = Beamer-Ansicht öffnen
beamer-title = Beamer: { $title }
ws-course = Ablauf
ws-step-back = Zurück zu: { $state }
ws-step-forward = Weiter zu: { $state }
ws-state-draft = Entwurf
ws-state-collecting = Vorschläge sammeln
ws-state-clustering = Vorschläge gruppieren
ws-state-voting = Abstimmung
ws-state-closed = Beendet
ws-state-step = Der Workshop kann nur einen Schritt vor oder zurück gehen.
ws-state-changed = Der Workshop wurde inzwischen weitergeschaltet. Die Seite zeigt jetzt den neuen Stand.
ws-not-started = Dieser Workshop hat noch nicht begonnen. Die Moderation öffnet ihn zu Beginn; bitte versuchen Sie es dann noch einmal.
ws-closed = Dieser Workshop ist beendet. Vielen Dank fürs Mitmachen!
ws-to-process = Zum Beteiligungsprozess
ws-hello = Sie nehmen teil als { $name }.
ws-hello-anonymous = Sie nehmen ohne Namen teil.
ws-mine = Meine Vorschläge
ws-mine-empty = Sie haben noch keinen Vorschlag eingereicht.
ws-board = Alle Vorschläge
ws-notice-collecting = Vorschläge können jetzt eingereicht werden.
ws-notice-clustering = Die Sammelphase ist beendet. Die Moderation fasst ähnliche Vorschläge zusammen.
ws-notice-voting = Die Sammelphase ist beendet. Jetzt wird abgestimmt.

join-with-code = Mit Code teilnehmen
join-code-label = Workshop-Code
join-code-hint = Sechs Zeichen, zum Beispiel K7PX3M. Sie stehen auf der Leinwand.
join-code-go = Weiter
join-code-invalid = Diesen Code gibt es nicht. Ein Code hat sechs Zeichen aus Buchstaben und Ziffern (ohne 0, O, 1, I und L).
join-title = Teilnehmen: { $title }
join-lead = Sie brauchen kein Konto. Name und Organisation sind freiwillig.
join-display-name = Name, der bei Ihren Vorschlägen steht
join-display-name-hint = Freiwillig. Ohne Namen erscheint „anonym“.
join-organisation = Organisation
join-org-type = Art der Organisation
join-org-type-none = Keine Angabe
join-consent = Ich habe den Datenschutzhinweis gelesen und bin einverstanden.
join-consent-required = Bitte stimmen Sie dem Datenschutzhinweis zu, um teilzunehmen.
join-submit = Teilnehmen
privacy-heading = Datenschutzhinweis
privacy-text = Die Kommune speichert Ihre Vorschläge und die freiwilligen Angaben (Name, Organisation), um den Aktionsplan gemeinsam zu erarbeiten. Alle im Workshop sehen Ihre Vorschläge mit dem angegebenen Namen. Ein Cookie merkt sich auf diesem Gerät, dass Sie teilnehmen; eine E-Mail-Adresse wird nicht erhoben. Auskunft und Löschung erhalten Sie bei der Moderation oder der Organisation des Prozesses.

org-type-migrant = Migrantenorganisation
org-type-association = Verein/Initiative
org-type-administration = Verwaltung
org-type-politics = Politik
org-type-education = Schule/Bildung
org-type-individual = Einzelperson
org-type-other = Sonstige

proposal-new = Neuer Maßnahmenvorschlag
proposal-action-field = Handlungsfeld
proposal-choose-field = Bitte wählen
proposal-single-field = Handlungsfeld: { $field }
proposal-field-required = Bitte wählen Sie ein Handlungsfeld.
proposal-title = Titel der Maßnahme
proposal-description = Beschreibung
proposal-more = Weitere Angaben (freiwillig)
proposal-goal = Ziel
proposal-target-group = Zielgruppe
proposal-partners = Mögliche Kooperationspartner
proposal-timeframe = Zeitrahmen
proposal-submit = Vorschlag einreichen
proposal-sent = Danke! Ihr Vorschlag ist angekommen.
proposal-offline = Keine Verbindung: Ihr Vorschlag ist noch nicht gesendet. Bitte erneut senden.
proposal-not-collecting = In diesem Workshop werden gerade keine Vorschläge gesammelt.
proposal-limit = Sie haben die Höchstzahl von { $max } Vorschlägen in diesem Workshop erreicht. Ziehen Sie einen zurück, um einen neuen einzureichen.
proposal-rate = Höchstens { $max } Vorschläge pro Minute. Bitte warten Sie { $seconds } Sekunden.
proposal-changed = Der Vorschlag wurde inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie den neuen Stand.
proposal-not-hidden = Der Vorschlag ist nicht ausgeblendet.
proposal-mine = Ihr Vorschlag
proposal-edited = bearbeitet
proposal-reports = { $count ->
    [one] 1 Meldung
   *[other] { $count } Meldungen
}
proposal-hidden = Ausgeblendet von der Moderation
proposal-edit = Bearbeiten
proposal-edit-label = Bearbeiten: { $title }
proposal-edit-title = Vorschlag bearbeiten
proposal-withdraw = Zurückziehen
proposal-withdraw-label = Zurückziehen: { $title }
proposal-hide = Ausblenden
proposal-hide-label = Ausblenden: { $title }
proposal-hide-reason = Grund (sieht die Person, die ihn eingereicht hat)
proposal-hide-confirm = Ausblenden
proposal-restore = Wieder anzeigen
proposal-restore-label = Wieder anzeigen: { $title }
author-anonymous = anonym
author-room = aus dem Raum
author-deleted = gelöscht
board-count = { $count ->
    [one] 1 Vorschlag
   *[other] { $count } Vorschläge
}
board-participants = { $count ->
    [one] 1 Teilnehmende Person
   *[other] { $count } Teilnehmende
}
board-empty = Noch keine Vorschläge.
live-on = Live: neue Vorschläge erscheinen von selbst.
live-off = Verbindung wird aufgebaut …

report-link = Melden
report-label = Melden: { $title }
report-title = Vorschlag melden
report-lead = Die Moderation sieht Ihre Meldung und entscheidet, ob der Vorschlag ausgeblendet wird.
report-reason = Was ist das Problem? (freiwillig)
report-submit = Melden
report-thanks = Danke, die Moderation sieht Ihre Meldung.
report-twice = Sie haben diesen Vorschlag schon gemeldet.
reports-heading = Meldungen ({ $count })
report-dismiss = Erledigt

room-add = Vorschlag aus dem Raum erfassen
room-submit = Vorschlag erfassen

history = Verlauf
history-original = eingereicht

participants-heading = Teilnehmende ({ $count })
participants-hint = Auskunft und Löschung nach DSGVO: Die Auskunft lädt alle Daten einer Person als JSON herunter. Beim Löschen bleiben ihre Vorschläge erhalten und erscheinen als „gelöscht“.
participants-none = Noch niemand ist beigetreten.
participants-proposals = Vorschläge
participants-actions = Datenschutz
participant-export = Auskunft (JSON)
participant-export-label = Auskunft als JSON: { $name }
participant-delete = Daten löschen
participant-delete-label = Daten löschen: { $name }

cluster-no-cards = Bitte wählen Sie mindestens einen Vorschlag.
cluster-other-field = Mindestens ein Vorschlag gehört zu einem anderen Handlungsfeld als der Cluster. Bitte bestätigen Sie, dass er trotzdem dazugehört.
cluster-merge-self = Ein Cluster kann nicht mit sich selbst zusammengeführt werden.
cluster-split-members = Abtrennen lassen sich nur Vorschläge, die in diesem Cluster sind.
clustering-not-open = Gruppieren ist nur möglich, solange der Workshop im Schritt „Vorschläge gruppieren“ ist.
clustering-changed = Eine andere Person hat die Cluster gerade geändert. Sie sehen jetzt den neuen Stand; bitte prüfen Sie Ihren Schritt und wiederholen Sie ihn.
clustering-nothing-to-undo = Es gibt keinen Schritt, der rückgängig gemacht werden kann.
clustering-nothing-to-redo = Es gibt keinen Schritt, der wiederhergestellt werden kann.

cl-open = Vorschläge gruppieren
cl-title = Gruppieren: { $title }
cl-heading = Vorschläge gruppieren
cl-toolbar = Werkzeuge zum Gruppieren
cl-filter = Handlungsfeld anzeigen
cl-filter-all = Alle Handlungsfelder
cl-selected = { $count ->
    [0] Nichts ausgewählt
    [one] 1 Vorschlag ausgewählt
   *[other] { $count } Vorschläge ausgewählt
}
cl-select-hint = (auswählen)
cl-new-title = Titel für den neuen Cluster
cl-create = Neuer Cluster aus Auswahl
cl-move-to = Verschieben in Cluster
cl-choose = Bitte wählen
cl-choose-cluster = Bitte wählen Sie einen Cluster.
cl-move = Verschieben
cl-take-out = Aus Cluster nehmen
cl-undo = Rückgängig
cl-redo = Wiederholen
cl-suggest = Ähnliche Vorschläge gruppieren
cl-loose = Noch in keinem Cluster ({ $count })
cl-drop-new = Hierher ziehen: neuer Cluster
cl-actions = Cluster „{ $title }“ bearbeiten
cl-cluster-title = Titel
cl-cluster-summary = Kurze Zusammenfassung
cl-merge-from = Diesen Cluster hier hineinführen
cl-merge = Zusammenführen
cl-split = Ausgewählte abtrennen
cl-split-select = Bitte wählen Sie zuerst Vorschläge dieses Clusters aus.
cl-dissolve = Auflösen
cl-history = Verlauf anzeigen
cl-undone = rückgängig gemacht
cl-kind-create = angelegt
cl-kind-add = Vorschläge hinzugefügt
cl-kind-remove = Vorschläge herausgenommen
cl-kind-merge = zusammengeführt
cl-kind-split = abgetrennt
cl-kind-dissolve = aufgelöst
cl-kind-rename = umbenannt
cl-suggestions = Vorschläge zum Gruppieren ({ $count })
cl-no-suggestions = Keine ähnlichen Vorschläge gefunden.
cl-suggest-into = In „{ $title }“:
cl-accept = Übernehmen
cl-pick = Auswählen und anpassen
cl-reject = Verwerfen
cl-announce-created = Cluster „{ $title }“ angelegt mit { $count ->
    [one] 1 Vorschlag
   *[other] { $count } Vorschlägen
}.
cl-announce-moved = { $count ->
    [one] 1 Vorschlag
   *[other] { $count } Vorschläge
} nach „{ $title }“ verschoben.
cl-announce-removed = { $count ->
    [one] 1 Vorschlag
   *[other] { $count } Vorschläge
} aus dem Cluster genommen.
cl-announce-merged = In „{ $title }“ zusammengeführt.
cl-announce-dissolved = Cluster „{ $title }“ aufgelöst; seine Vorschläge sind wieder frei.
cl-announce-renamed = Cluster heißt jetzt „{ $title }“.
cl-announce-undone = Letzten Schritt rückgängig gemacht.
cl-announce-redone = Schritt wiederholt.
cl-announce-suggestions = { $count } Vorschläge zum Gruppieren gefunden.
cl-announce-accepted = Vorschlag übernommen ({ $count } Vorschläge).
clusters-count = { $count ->
    [one] 1 Cluster
   *[other] { $count } Cluster
}

## Abstimmungen
field-number = Bitte eine ganze Zahl von { $min } bis { $max }.
vote-open-page = Abstimmungen
vote-page-title = Abstimmungen – { $title }
vote-page-heading = Abstimmungen
vote-prepare-only = Runden lassen sich jetzt vorbereiten; öffnen lassen sie sich, sobald der Workshop in der Abstimmung ist.
vote-new = Neue Abstimmungsrunde
vote-round-title = Titel der Runde
vote-method = Verfahren
vote-method-dots = Punktabfrage
vote-method-approval = Zustimmung (Ja je Option)
vote-method-score = Bewertung (0 bis 5)
vote-method-ranking = Rangfolge (Schulze-Methode)
vote-method-missing = Bitte ein Verfahren wählen.
vote-dots = Punkte je Person
vote-dots-hint = Nur Punktabfrage; Standard 5.
vote-per-option = Höchstens auf einer Option
vote-per-option-hint = Nur Punktabfrage; Standard 3.
vote-max = Höchstens Ja-Stimmen
vote-max-hint = Nur Zustimmung; leer = beliebig viele.
vote-minutes = Zeit in Minuten
vote-minutes-hint = Leer = Sie schließen die Runde selbst; höchstens { $max } Minuten.
vote-live-results = Zwischenstand während der Runde zeigen
vote-pick = Worüber abgestimmt wird (2 bis { $max } Optionen)
vote-kind-cluster = Cluster
vote-kind-proposal = Vorschlag
vote-create = Runde anlegen
vote-rounds = Runden
vote-state-draft = vorbereitet
vote-state-open = läuft
vote-state-closed = abgeschlossen
vote-open = Runde öffnen
vote-close = Runde schließen
vote-timer = Zeit { $time }
vote-locked-note = gesperrt (erste Stimme ist abgegeben)
vote-turnout = { $cast } von { $eligible } haben abgestimmt
vote-ballot-file = Stimmzettel (anonym, JSON)
vote-paper = Punkte von der Pinnwand eintragen
vote-paper-hint = Auf Papier geklebte Punkte je Option; sie werden getrennt gezeigt und zur Summe gezählt.
vote-paper-save = Papierpunkte speichern
vote-paper-note = Einschließlich der auf der Pinnwand gezählten Punkte (Papier).
vote-options-count = Bitte { $min } bis { $max } Optionen wählen.
vote-rounds-limit = Ein Workshop hat höchstens { $max } Runden.
vote-not-voting = Das geht nur, solange der Workshop in der Abstimmung ist.
vote-one-open = Es läuft schon eine Runde. Schließen Sie sie zuerst.
vote-not-draft = Diese Runde wurde schon geöffnet.
vote-not-open = Diese Runde läuft nicht.
vote-not-open-yet = Diese Runde ist noch nicht geöffnet.
vote-closed = Diese Runde ist abgeschlossen; es lassen sich keine Stimmen mehr abgeben.
vote-not-closed = Die Stimmzettel gibt es, sobald die Runde abgeschlossen ist.
vote-locked = Die erste Stimme ist abgegeben: Verfahren, Einstellungen und Optionen bleiben. Legen Sie für Änderungen eine neue Runde an.
vote-paper-method = Papierpunkte gibt es nur bei Punktabfrage und Zustimmung.
vote-heading = Abstimmung
vote-none-yet = Gleich geht es los: die Abstimmung ist noch nicht geöffnet.
vote-closed-notice = Die Runde ist abgeschlossen. Das Ergebnis:
vote-rules-dots = Sie haben { $dots } Punkte und können höchstens { $per } auf eine Option setzen. Sie müssen nicht alle vergeben.
vote-rules-approval = Kreuzen Sie jede Option an, der Sie zustimmen.
vote-rules-approval-max = Kreuzen Sie höchstens { $max } Optionen an, denen Sie zustimmen.
vote-rules-score = Bewerten Sie die Optionen von 0 (gar nicht) bis 5 (sehr); was Sie auslassen, zählt nicht.
vote-rules-ranking = Geben Sie den Optionen Plätze: 1 für die beste. Ohne Platz stehen sie hinter allen mit Platz.
vote-dots-left = { $count ->
    [one] noch 1 Punkt
   *[other] noch { $count } Punkte
}
vote-unit-dots = Punkte
vote-unit-score = von { $max }
vote-unit-place = Platz
vote-score-none = – keine Bewertung –
vote-cast = Stimme abgeben
vote-change = Stimme ändern
vote-abstain = Enthalten
vote-counted = Ihre Stimme ist gezählt. Sie können sie ändern, bis die Runde schließt.
vote-abstained = Sie haben sich enthalten. Sie können noch abstimmen, bis die Runde schließt.
vote-time-left = Noch
vote-time-left-clock = Noch { $time }
vote-unsaved-warning = Noch eine Minute: Ihre Stimme ist noch nicht abgegeben.
ballot-shape = Diese Stimme passt nicht zum Verfahren der Runde.
ballot-unknown-option = Diese Option gehört nicht zur Runde.
ballot-duplicate = Diese Option kommt zweimal vor.
ballot-too-many-dots = Zu viele Punkte: höchstens { $max } insgesamt.
ballot-too-many-on-one = Höchstens { $max } Punkte auf einer Option.
ballot-too-many-approvals = Höchstens { $max } Optionen ankreuzen.
ballot-score-range = Bitte eine Bewertung von 0 bis { $max }.
ballot-place-twice = Jeder Platz nur einmal.
vote-result-summary = { $method }: { $ballots } Stimmen von { $eligible } Teilnehmenden.
vote-provisional = (Zwischenstand)
vote-result-table = Ergebnis in Zahlen
vote-place = Platz
vote-place-tied = { $place } (gleichauf)
vote-option = Option
vote-figure = Ergebnis
vote-figure-detail = Davon
vote-figure-dots = { $count ->
    [one] 1 Punkt
   *[other] { $count } Punkte
}
vote-figure-approvals = { $count } Ja
vote-figure-paper = { $online } online, { $paper } auf Papier
vote-figure-unscored = nicht bewertet
vote-figure-scores = { $count } Bewertungen ({ $spread })
vote-pairwise = Paarvergleich: So viele Stimmen setzen die Option der Zeile vor die der Spalte.
vote-offline = Keine Verbindung: Ihre Stimme ist noch nicht abgegeben. Bitte erneut senden.
board-more = { $count ->
    [one] und 1 weiterer Vorschlag
   *[other] und { $count } weitere Vorschläge
}

## Plan (Handlungskonzept)
field-month = Bitte einen Monat angeben, z. B. 03/2027.
measure-title = Maßnahme
measure-description = Beschreibung
measure-action-field = Handlungsfeld
measure-action-field-required = Bitte ein Handlungsfeld des Prozesses wählen.
measure-phase = Phase
measure-phase-none = – keine Phase –
measure-phase-unknown = Diese Phase gehört nicht zum Prozess.
measure-timeframe = Zeitraum
measure-time-from = Von (Monat)
measure-time-to = Bis (Monat)
measure-month-hint = z. B. 03/2027
measure-time-text = Oder als Text
measure-time-text-hint = z. B. „Juli bis Projektende“; gilt nur, wenn keine Monate angegeben sind.
measure-end-before-start = Das Ende liegt vor dem Beginn.
measure-goals = Ziel
measure-goals-of-process = Ziele des Prozesses
measure-goals-of-field = Ziele im Handlungsfeld { $field }
measure-goal-other-field = Das Ziel „{ $goal }“ gehört zu einem anderen Handlungsfeld.
measure-choice-unknown = Bitte nur angebotene Einträge wählen.
measure-suggested-goals = Von den Vorschlägen genannte Ziele:
measure-themes = Themen
measure-partners = Kooperationspartner
measure-new-partners = Neue Kooperationspartner (einer pro Zeile)
measure-new-partner-kind = Art der neuen Partner
measure-lead = Federführung
measure-target-groups = Zielgruppen
measure-indicators = Indikatoren
measure-resources = Ressourcen
measure-status = Status
measure-progress = Fortschritt (%)
measure-progress-hint = 0 bis 100; „umgesetzt“ heißt 100 %.
measure-status-planned = geplant
measure-status-in_progress = in Umsetzung
measure-status-done = umgesetzt
measure-status-paused = pausiert
measure-status-dropped = verworfen
measure-status-unknown = Bitte einen der Status wählen: geplant, in Umsetzung, umgesetzt, pausiert, verworfen.
measure-planned-progress = Eine geplante Maßnahme steht bei 0 %. Für Fortschritt bitte „in Umsetzung“ wählen.
measure-origin-workshop = Aus einem Workshop übernommen
measure-origin-direct = Direkt angelegt
measure-origin-import = Aus einer Tabelle eingelesen
measure-merged = Diese Maßnahme wurde mit einer anderen zusammengeführt und kann nicht mehr geändert werden.
measure-merge-refused = Zusammenführen geht nur mit einer anderen, nicht zusammengeführten Maßnahme desselben Plans.
measure-merge-choose = Bitte die Maßnahme wählen, in die diese eingeht.
partner-kind-administration = Verwaltung
partner-kind-migrant = Migrantenorganisation
partner-kind-association = Verein
partner-kind-school = Schule
partner-kind-politics = Politik
partner-kind-science = Wissenschaft
partner-kind-other = Sonstige
partner-name-too-long = Der Partnername „{ $name }“ ist zu lang: höchstens { $max } Zeichen.
plan-title = Handlungskonzept – { $name }
plan-heading = Handlungskonzept: { $name }
plan-version-adopted = Beschlossene Fassung { $number } vom { $date }
plan-version-draft = Entwurf – noch nicht beschlossen
plan-draft-notice = Dies ist der Entwurf. Er kann sich noch ändern und ist nicht vom Steuerungsgremium beschlossen.
plan-adoption-note = Beschluss
plan-adoption-note-hint = Optional: Sitzung, Protokoll oder Drucksache (höchstens 500 Zeichen).
plan-edit = Plan bearbeiten
plan-edit-measure = Maßnahme bearbeiten
plan-downloads = Herunterladen
plan-download-csv = Tabelle (CSV für Excel)
plan-download-json = Offene Daten (JSON)
plan-print = Druckansicht
plan-print-title = Druckansicht – { $name }
plan-print-hint = Zum Speichern als PDF: Drucken wählen, dann „Als PDF speichern“ (Querformat A4).
plan-back = Zurück zum Plan
plan-filter-version = Fassung
plan-filter-version-newest = Neueste beschlossene Fassung
plan-filter-all = Alle
plan-filter-apply = Anzeigen
plan-search = Suche
plan-count = { $shown } von { $total } Maßnahmen
plan-empty = Keine Maßnahme passt zu dieser Auswahl.
plan-table-caption = Maßnahmen im Handlungsfeld { $field }
plan-provenance = Herkunft
plan-source-workshop = Workshop
plan-source-cluster = Cluster
plan-source-proposals = Vorschläge, aus denen die Maßnahme entstand:
plan-source-no-proposals = Keine sichtbaren Vorschläge.
plan-merged-from = Zusammengeführt aus: { $titles }
plan-merged-into = Diese Maßnahme ist aufgegangen in:
plan-timeline = Umsetzung
plan-timeline-empty = Noch keine Einträge zur Umsetzung.
plan-note = Fortschritt
plan-milestone = Meilenstein
plan-milestone-done = Meilenstein erreicht
plan-vote-place = Platz { $place } von { $of }
plan-vote-place-tied = Platz { $place } (gleichauf) von { $of }
plan-vote-points = { $count ->
    [one] 1 Punkt
   *[other] { $count } Punkte
}
plan-vote-approvals = { $count ->
    [one] 1 Zustimmung
   *[other] { $count } Zustimmungen
}
plan-vote-paper = , davon { $count } auf Papier
plan-vote-mean = Durchschnitt { $mean }
plan-admin-title = Handlungskonzept bearbeiten – { $name }
plan-admin-heading = Handlungskonzept
plan-link-hint = Maßnahmen aus den Workshops übernehmen, den Beschluss festhalten, die Umsetzung verfolgen.
plan-open = Handlungskonzept öffnen
plan-new-measure = Neue Maßnahme
plan-view-public = Öffentliche Ansicht
plan-view-measure = Öffentliche Seite der Maßnahme
plan-draft-heading = Entwurf ({ $count } Maßnahmen)
plan-draft-empty = Noch keine Maßnahmen. Übernehmen Sie Ergebnisse aus den Workshops oder legen Sie eine Maßnahme an.
plan-candidates = Aus Workshops übernehmen
plan-candidates-hint = Cluster und einzelne Vorschläge abgeschlossener Workshops, nach ihrem Abstimmungsergebnis.
plan-candidates-empty = Noch kein Workshop ist abgeschlossen.
plan-candidate-proposals = { $count ->
    [one] 1 Vorschlag
   *[other] { $count } Vorschläge
}
plan-candidate-promoted = Bereits übernommen als:
plan-promote = Als Maßnahme übernehmen
plan-promote-label = Als Maßnahme übernehmen: „{ $title }“
plan-promote-heading = Als Maßnahme übernehmen
plan-new-heading = Neue Maßnahme (direkt angelegt)
plan-promote-exists = Daraus ist schon die Maßnahme „{ $titles }“ entstanden. Möchten Sie diese aktualisieren?
plan-promote-update = „{ $title }“ aktualisieren
plan-promote-anyway = Trotzdem eine neue Maßnahme anlegen
plan-promote-again = Daraus ist schon die Maßnahme „{ $title }“ entstanden. Bitte diese aktualisieren oder ausdrücklich eine neue anlegen.
plan-promote-not-closed = Übernehmen geht erst, wenn der Workshop abgeschlossen ist.
plan-create-measure = Maßnahme anlegen
plan-edit-heading = Inhalt
plan-progress-heading = Status und Fortschritt
plan-staff-heading = Verantwortliche
plan-staff-legend = Diese Konten dürfen Fortschritte eintragen
plan-note-heading = Fortschritt oder Meilenstein eintragen
plan-note-kind = Art
plan-note-date = Datum
plan-note-text = Text
plan-milestone-reached = Meilenstein erreicht
plan-add-note = Eintragen
plan-merge-heading = Zusammenführen
plan-merge-hint = Diese Maßnahme geht in der gewählten auf; Herkunft, Ziele, Partner und Einträge bleiben erhalten.
plan-merge-into = Aufgehen in
plan-merge = Zusammenführen
plan-publish-heading = Veröffentlichen
plan-process-unpublished = Der Prozess ist noch nicht veröffentlicht: Besucherinnen und Besucher sehen den Plan erst danach.
plan-draft-is-public = Besucherinnen und Besucher sehen den Entwurf (gekennzeichnet) neben der beschlossenen Fassung.
plan-draft-is-private = Besucherinnen und Besucher sehen nur beschlossene Fassungen.
plan-draft-show = Entwurf veröffentlichen
plan-draft-hide = Entwurf nicht mehr zeigen
plan-adopt-heading = Beschluss des Steuerungsgremiums
plan-adopt-hint = Der Entwurf, wie er jetzt ist, wird als beschlossene Fassung eingefroren. Danach wird am Entwurf weitergearbeitet.
plan-adopted-on = Beschlossen am
plan-adopt = Beschluss festhalten
plan-adopted = Fassung { $number } ist beschlossen und eingefroren.
plan-no-versions = Noch keine beschlossene Fassung.
plan-compare = Vergleichen
plan-compare-a = Fassung
plan-compare-b = mit
plan-compare-title = Fassungen vergleichen
plan-compare-what = { $a } → { $b }
plan-compare-same = Keine Unterschiede.
plan-diff-added = Neu
plan-diff-removed = Entfallen
plan-diff-changed = Geändert
plan-diff-field = Feld
plan-diff-before = vorher
plan-diff-after = nachher
plan-import-heading = Tabelle einlesen (CSV)
plan-import-hint = Spalten: Handlungsfeld; Phase; Zeitraum; Maßnahme; Beschreibung; Ziel; Kooperationspartner; Federführung; Status. Mehrere Ziele oder Partner in einer Zelle untereinander. Zeilen mit der ID einer Maßnahme ändern diese, die anderen kommen neu hinzu.
plan-import-file = CSV-Datei (höchstens 2 MB, 500 Zeilen)
plan-import = Einlesen
plan-imported = Eingelesen: { $created } neu, { $updated } geändert.
plan-import-new-fields = Neu angelegte Handlungsfelder: { $names }
plan-import-new-phases = Neu angelegte Phasen: { $names }
plan-import-new-goals = Neu angelegte Ziele: { $names }
plan-import-new-themes = Neu angelegte Themen: { $names }
plan-import-new-partners = Neu angelegte Kooperationspartner: { $names }
plan-import-refused = Die Datei wurde nicht eingelesen, nichts wurde geändert:
    { $errors }
plan-import-line = Zeile { $line }: { $rule }
plan-import-cell = Zeile { $line }, Spalte „{ $column }“: { $rule }
plan-import-header = In der Kopfzeile fehlen die Spalten: { $missing }.
plan-import-empty = Die Datei ist leer.
plan-import-rows = Höchstens { $max } Zeilen pro Datei.
plan-import-too-big = Die Datei ist zu groß: höchstens { $max } MB.
plan-import-too-big-plain = Die Datei ist zu groß: höchstens 2 MB.
plan-import-no-file = Bitte eine CSV-Datei wählen.
plan-import-status = Unbekannter Status „{ $value }“; möglich: geplant, in Umsetzung, umgesetzt, pausiert, verworfen.
plan-import-id = Die ID ist keine gültige Kennung.
fate-taken = Aufgenommen in Maßnahme: { $measures }
fate-not-taken = Nicht in den Plan aufgenommen
doc-title = Dokumentation – { $title }
doc-heading = Dokumentation: { $title }
doc-csv = Als CSV herunterladen
doc-back = Zurück zum Workshop
doc-workshop = Workshop
doc-date = Datum
doc-no-date = ohne Termin
doc-place = Ort
doc-format = Format
doc-moderators = Moderation
doc-participants = Teilnehmende
doc-participants-heading = Teilnehmende: { $count }
doc-all = Alle
doc-org-type = Art der Organisation
doc-org-unknown = keine Angabe
doc-count = Anzahl
doc-proposals-heading = Vorschläge nach Handlungsfeld
doc-proposal = Vorschlag
doc-cluster = Cluster
doc-fate = Im Plan
doc-clusters-heading = Cluster
doc-no-clusters = Keine Cluster.
doc-votes-heading = Abstimmungen
doc-no-votes = Keine abgeschlossene Abstimmung.
doc-round = Abstimmung
doc-place-label = Platz
doc-open = Dokumentation
fate-open = Zur Maßnahme
plan-import-quote = Ein Anführungszeichen wird ab dieser Zeile nicht geschlossen.
plan-import-id-twice = Diese ID steht schon in einer früheren Zeile.
plan-import-id-merged = Diese Maßnahme ist in „{ $title }“ aufgegangen; bitte die Zeile löschen oder die ID leeren.
plan-import-measures = Höchstens { $max } Maßnahmen pro Plan (jetzt { $now }).
action-field-has-measures = Dieses Handlungsfeld hat Maßnahmen im Handlungskonzept; es kann nicht gelöscht werden.
login-busy = Gerade melden sich sehr viele gleichzeitig an. Bitte in { $seconds } Sekunden noch einmal versuchen.
