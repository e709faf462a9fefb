# Plenum — українська: що бачать учасники та учасниці.

app-name = Plenum
language-name = Українська
language-switch = Мова
skip-to-content = Перейти до змісту
nav-label = Головне меню
nav-processes = Процеси
nav-login = Увійти
nav-logout = Вийти
nav-staff = Адміністрування
nav-users = Облікові записи
nav-settings = Налаштування
footer-text = Plenum – участь у створенні місцевих планів дій проти расизму та правого екстремізму.
loading = Завантаження …
save = Зберегти
saved = Збережено.
delete = Видалити
remove = Прибрати
date-format = { $day }.{ $month }.{ $year }
month-1 = січень
month-2 = лютий
month-3 = березень
month-4 = квітень
month-5 = травень
month-6 = червень
month-7 = липень
month-8 = серпень
month-9 = вересень
month-10 = жовтень
month-11 = листопад
month-12 = грудень
error-not-found-title = Сторінку не знайдено
error-not-found = Такої сторінки немає (або вже немає). Можливо, посилання скопійовано неправильно.
error-forbidden-title = Немає доступу
error-forbidden = Вашому обліковому запису ця дія не дозволена.
error-unauthenticated-title = Потрібно увійти
error-unauthenticated = Будь ласка, увійдіть, щоб продовжити.
error-internal-title = Щось пішло не так
error-internal = На сервері сталася помилка. Ваші дані не збережено. Будь ласка, спробуйте ще раз за хвилину.
error-transport = Сервер зараз недоступний. Будь ласка, перевірте з’єднання і спробуйте ще раз.
error-invalid = Будь ласка, перевірте позначені поля.
error-rate-limited = Забагато спроб. Будь ласка, зачекайте { $seconds } с.
error-back-home = На головну сторінку
field-required = Будь ласка, заповніть це поле.
field-length = Будь ласка, введіть від { $min } до { $max } символів (зараз { $actual }).
field-too-long = Не більше { $max } символів (зараз { $actual }).
field-date = Будь ласка, введіть правильну дату (ДД.ММ.РРРР).
field-email = Будь ласка, введіть правильну адресу електронної пошти.
field-email-taken = Для цієї адреси електронної пошти вже є обліковий запис.
field-password = Пароль має містити від { $min } до { $max } символів.
field-password-mismatch = Паролі не збігаються.
field-role = Будь ласка, виберіть роль.
field-count-limit = Можна не більше { $max } записів.
field-email-label = Електронна пошта
field-password-label = Пароль
field-password-repeat-label = Повторіть пароль
hint-length = від { $min } до { $max } символів
home-title = Участь
home-heading = Разом проти расизму та правого екстремізму
home-lead = Тут мешканці міста, організації мігрантів і адміністрація разом створюють місцевий план дій: на воркшопах, через голосування і прозоро аж до втілення.
home-processes = Поточні процеси участі
home-no-processes = Зараз немає опублікованих процесів участі.
staff-title = Адміністрування
staff-no-processes = Процесів участі ще немає.
process-new = Новий процес участі
process-create = Створити процес
process-name = Назва процесу
process-municipality = Муніципалітет
process-description = Опис
process-draft = Чернетка
process-edit = Редагувати
process-current-phase = Поточний етап
process-phases = Етапи
process-goals = Загальні цілі
process-action-fields = Напрями дій
process-field-goals = Цілі напряму дій
process-no-action-fields = Напрямів дій ще немає.
process-themes = Теми
phase-name = Назва етапу
phase-starts-on = Початок
phase-ends-on = Кінець
phase-add = Додати етап
phase-current = поточний етап
phase-make-current = Позначити як поточний
phase-from = з { $date }
phase-until = до { $date }
phase-end-before-start = Кінець не може бути раніше за початок.
phase-default-analysis = Аналіз вихідної ситуації
phase-default-inventory = Аналіз наявних ресурсів
phase-default-measures = Розроблення заходів
phase-default-implementation = Втілення та закріплення заходів
phase-default-evaluation = Оцінювання
theme-name = Тема
theme-add = Додати тему
theme-name-taken = Така тема вже є.
cancel = Скасувати
field-choice = Будь ласка, виберіть один із запропонованих варіантів.
field-datetime = Будь ласка, вкажіть дату й час, напр. 05.03.2026 18:00.
field-url = Будь ласка, вкажіть посилання, яке починається з https://.
staff-processes = Процеси участі
ws-mode-in-person = Очно
ws-mode-online = Онлайн
ws-mode-hybrid = Гібридно
ws-code = Код
ws-join-data = Долучитися
ws-qr-label = QR-код для участі: { $link }
beamer-title = Проєктор: { $title }
ws-state-draft = Чернетка
ws-state-collecting = Збір пропозицій
ws-state-clustering = Групування пропозицій
ws-state-voting = Голосування
ws-state-closed = Завершено
ws-not-started = Цей воркшоп ще не почався. Модератори відкриють його на початку; будь ласка, спробуйте тоді ще раз.
ws-closed = Цей воркшоп завершено. Дякуємо за участь!
ws-to-process = До процесу участі
ws-hello = Ви берете участь як { $name }.
ws-hello-anonymous = Ви берете участь без імені.
ws-mine = Мої пропозиції
ws-mine-empty = Ви ще не подали жодної пропозиції.
ws-board = Усі пропозиції
ws-notice-collecting = Зараз можна подавати пропозиції.
ws-notice-clustering = Збір пропозицій завершено. Модератори об’єднують схожі пропозиції.
ws-notice-voting = Збір пропозицій завершено. Триває голосування.
join-with-code = Долучитися за кодом
join-code-label = Код воркшопу
join-code-hint = Шість символів, наприклад K7PX3M. Код показано на екрані.
join-code-go = Далі
join-code-invalid = Такого коду немає. Код складається з шести латинських літер і цифр (без 0, O, 1, I та L).
join-title = Долучитися: { $title }
join-lead = Обліковий запис не потрібен. Ім’я та організацію вказувати не обов’язково.
join-display-name = Ім’я, яке стоятиме біля ваших пропозицій
join-display-name-hint = Не обов’язково. Без імені буде показано «анонімно».
join-organisation = Організація
join-org-type = Тип організації
join-org-type-none = Не вказано
join-consent = Я прочитав(-ла) інформацію про захист даних і погоджуюся.
join-consent-required = Щоб узяти участь, будь ласка, погодьтеся з інформацією про захист даних.
join-submit = Долучитися
privacy-heading = Захист даних
privacy-text = Муніципалітет зберігає ваші пропозиції та добровільні дані (ім’я, організацію), щоб разом створити план дій. Усі учасники воркшопу бачать ваші пропозиції з іменем, яке ви вказали. Файл cookie запам’ятовує на цьому пристрої, що ви берете участь; адресу електронної пошти ми не збираємо. Щоб дізнатися, які дані про вас збережено, або видалити їх, зверніться до модераторів чи організаторів процесу.
org-type-migrant = Організація мігрантів
org-type-association = Об’єднання/ініціатива
org-type-administration = Адміністрація
org-type-politics = Політика
org-type-education = Школа/освіта
org-type-individual = Приватна особа
org-type-other = Інше
proposal-new = Нова пропозиція заходу
proposal-action-field = Напрям дій
proposal-choose-field = Виберіть
proposal-single-field = Напрям дій: { $field }
proposal-field-required = Будь ласка, виберіть напрям дій.
proposal-title = Назва заходу
proposal-description = Опис
proposal-more = Додатково (не обов’язково)
proposal-goal = Мета
proposal-target-group = Цільова група
proposal-partners = Можливі партнери для співпраці
proposal-timeframe = Терміни
proposal-submit = Подати пропозицію
proposal-sent = Дякуємо! Вашу пропозицію отримано.
proposal-offline = Немає з’єднання: вашу пропозицію ще не надіслано. Будь ласка, надішліть її ще раз.
proposal-not-collecting = Зараз у цьому воркшопі пропозиції не збирають.
proposal-limit = Ви вже подали максимальну кількість пропозицій у цьому воркшопі ({ $max }). Щоб подати нову, відкличте одну з попередніх.
proposal-rate = Не більше { $max } пропозицій за хвилину. Будь ласка, зачекайте { $seconds } с.
proposal-workshop-full = Цей воркшоп досяг максимальної кількості пропозицій ({ $max }). Будь ласка, зверніться до модераторів.
proposal-changed = Тим часом пропозицію змінили. Будь ласка, перезавантажте сторінку й перевірте нову версію.
proposal-not-hidden = Пропозицію не приховано.
proposal-mine = Ваша пропозиція
proposal-edited = змінено
proposal-reports = { $count ->
    [one] { $count } скарга
    [few] { $count } скарги
    [many] { $count } скарг
   *[other] { $count } скарги
}
proposal-hidden = Приховано модераторами
proposal-edit = Редагувати
proposal-edit-label = Редагувати: { $title }
proposal-edit-title = Редагувати пропозицію
proposal-withdraw = Відкликати
proposal-withdraw-label = Відкликати: { $title }
proposal-hide = Приховати
proposal-hide-label = Приховати: { $title }
proposal-hide-reason = Причина (її побачить людина, яка подала пропозицію)
proposal-hide-confirm = Приховати
proposal-restore = Показати знову
proposal-restore-label = Показати знову: { $title }
author-anonymous = анонімно
author-room = із зали
author-deleted = видалено
board-count = { $count ->
    [one] { $count } пропозиція
    [few] { $count } пропозиції
    [many] { $count } пропозицій
   *[other] { $count } пропозиції
}
board-participants = { $count ->
    [one] { $count } учасник
    [few] { $count } учасники
    [many] { $count } учасників
   *[other] { $count } учасника
}
board-empty = Пропозицій ще немає.
live-on = Наживо: нові пропозиції з’являються самі.
live-off = З’єднання …
report-link = Поскаржитися
report-label = Поскаржитися: { $title }
report-title = Поскаржитися на пропозицію
report-lead = Модератори побачать вашу скаргу й вирішать, чи приховати пропозицію.
report-reason = У чому проблема? (не обов’язково)
report-submit = Надіслати скаргу
report-thanks = Дякуємо, модератори побачать вашу скаргу.
report-twice = Ви вже скаржилися на цю пропозицію.
room-add = Додати пропозицію із зали
room-submit = Додати пропозицію
history = Історія змін
history-original = подано
## Голосування
field-number = Будь ласка, введіть ціле число від { $min } до { $max }.
vote-method-dots = Голосування точками
vote-method-approval = Схвалення («так» для кожного варіанта)
vote-method-score = Оцінка (від 0 до 5)
vote-method-ranking = Рейтинг (метод Шульце)
vote-method-missing = Будь ласка, виберіть спосіб голосування.
vote-state-draft = підготовлено
vote-state-open = триває
vote-state-closed = завершено
vote-turnout = Проголосували { $cast } з { $eligible }
vote-paper-note = Разом із точками, порахованими на дошці (на папері).
vote-options-count = Будь ласка, виберіть від { $min } до { $max } варіантів.
vote-not-voting = Це можливо лише під час голосування у воркшопі.
vote-not-open = Цей раунд зараз не триває.
vote-not-open-yet = Цей раунд ще не відкрито.
vote-closed = Цей раунд завершено; голосувати вже не можна.
vote-locked = Перший голос уже віддано: спосіб, налаштування й варіанти не змінюються. Щоб щось змінити, створіть новий раунд.
vote-heading = Голосування
vote-none-yet = Скоро почнемо: голосування ще не відкрито.
vote-closed-notice = Раунд завершено. Результат:
vote-rules-dots = Ваші точки: { $dots }. На один варіант можна поставити не більше { $per }. Використовувати всі не обов’язково.
vote-rules-approval = Позначте кожен варіант, який ви підтримуєте.
vote-rules-approval-max = Позначте не більше { $max } варіантів, які ви підтримуєте.
vote-rules-score = Оцініть варіанти від 0 (зовсім ні) до 5 (дуже); те, що ви пропустите, не враховується.
vote-rules-ranking = Розставте варіанти за місцями: 1 — для найкращого. Варіанти без місця йдуть після всіх, яким ви дали місце.
vote-dots-left = { $count ->
    [one] залишилася { $count } точка
    [few] залишилося { $count } точки
    [many] залишилося { $count } точок
   *[other] залишилося { $count } точки
}
vote-unit-dots = точки
vote-unit-score = з { $max }
vote-unit-place = місце
vote-score-none = – без оцінки –
vote-cast = Проголосувати
vote-change = Змінити голос
vote-abstain = Утриматися
vote-counted = Ваш голос враховано. Ви можете змінити його, доки раунд не завершиться.
vote-abstained = Ви утрималися. Ви ще можете проголосувати, доки раунд не завершиться.
vote-time-left = Залишилося
vote-unsaved-warning = Залишилася одна хвилина: ваш голос ще не віддано.
ballot-shape = Цей голос не відповідає способу голосування в раунді.
ballot-unknown-option = Цього варіанта немає в раунді.
ballot-duplicate = Цей варіант трапляється двічі.
ballot-too-many-dots = Забагато точок: загалом не більше { $max }.
ballot-too-many-on-one = Не більше { $max } точок на один варіант.
ballot-too-many-approvals = Позначте не більше { $max } варіантів.
ballot-score-range = Будь ласка, поставте оцінку від 0 до { $max }.
ballot-place-twice = Кожне місце — лише один раз.
vote-result-summary = { $method }: голосів — { $ballots }, учасників — { $eligible }.
vote-provisional = (проміжний результат)
vote-result-table = Результат у цифрах
vote-place = Місце
vote-place-tied = { $place } (порівну)
vote-option = Варіант
vote-figure = Результат
vote-figure-detail = З них
vote-figure-dots = { $count ->
    [one] { $count } точка
    [few] { $count } точки
    [many] { $count } точок
   *[other] { $count } точки
}
vote-figure-approvals = «так»: { $count }
vote-figure-paper = { $online } онлайн, { $paper } на папері
vote-figure-unscored = без оцінки
vote-figure-scores = оцінок: { $count } ({ $spread })
vote-pairwise = Попарне порівняння: скільки голосів ставлять варіант із рядка вище за варіант зі стовпця.
vote-offline = Немає з’єднання: ваш голос ще не віддано. Будь ласка, надішліть його ще раз.
board-more = { $count ->
    [one] і ще { $count } пропозиція
    [few] і ще { $count } пропозиції
    [many] і ще { $count } пропозицій
   *[other] і ще { $count } пропозиції
}
## План дій
field-month = Будь ласка, вкажіть місяць, напр. 03/2027.
measure-title = Захід
measure-description = Опис
measure-action-field = Напрям дій
measure-action-field-required = Будь ласка, виберіть напрям дій цього процесу.
measure-phase = Етап
measure-timeframe = Терміни
measure-end-before-start = Кінець раніше за початок.
measure-goals = Мета
measure-themes = Теми
measure-partners = Партнери для співпраці
measure-lead = Відповідальні
measure-target-groups = Цільові групи
measure-indicators = Показники
measure-resources = Ресурси
measure-status = Статус
measure-progress = Виконання (%)
measure-status-planned = заплановано
measure-status-in_progress = втілюється
measure-status-done = втілено
measure-status-paused = призупинено
measure-status-dropped = відхилено
measure-status-unknown = Будь ласка, виберіть статус: заплановано, втілюється, втілено, призупинено, відхилено.
measure-planned-progress = Запланований захід має 0 %. Щоб указати виконання, виберіть «втілюється».
measure-origin-workshop = Узято з воркшопу
measure-origin-direct = Створено напряму
measure-origin-import = Імпортовано з таблиці
partner-kind-administration = Адміністрація
partner-kind-migrant = Організація мігрантів
partner-kind-association = Об’єднання
partner-kind-school = Школа
partner-kind-politics = Політика
partner-kind-science = Наука
partner-kind-other = Інше
partner-name-too-long = Назва партнера «{ $name }» задовга: не більше { $max } символів.
plan-title = План дій – { $name }
plan-heading = План дій: { $name }
plan-version-adopted = Ухвалена редакція { $number } від { $date }
plan-version-draft = Чернетка – ще не ухвалено
plan-draft-notice = Це чернетка. Вона ще може змінитися, і керівний комітет її ще не ухвалив.
plan-adoption-note = Рішення
plan-edit = Редагувати план
plan-edit-measure = Редагувати захід
plan-downloads = Завантаження
plan-download-csv = Таблиця (CSV для Excel)
plan-download-json = Відкриті дані (JSON)
plan-print = Версія для друку
plan-print-title = Версія для друку – { $name }
plan-print-hint = Щоб зберегти як PDF: виберіть «Друк», потім «Зберегти як PDF» (A4, альбомна орієнтація).
plan-back = Назад до плану
plan-filter-version = Редакція
plan-filter-version-newest = Найновіша ухвалена редакція
plan-filter-all = Усі
plan-filter-apply = Показати
plan-search = Пошук
plan-count = Показано заходів: { $shown } з { $total }
plan-empty = Жоден захід не відповідає цьому вибору.
plan-table-caption = Заходи в напрямі дій { $field }
plan-provenance = Походження
plan-source-workshop = Воркшоп
plan-source-cluster = Група
plan-source-proposals = Пропозиції, з яких виник захід:
plan-source-no-proposals = Немає видимих пропозицій.
plan-merged-from = Об’єднано з: { $titles }
plan-merged-into = Цей захід увійшов до:
plan-timeline = Втілення
plan-timeline-empty = Записів про втілення ще немає.
plan-note = Поступ
plan-milestone = Важливий етап
plan-milestone-done = Важливий етап досягнуто
plan-vote-place = Місце { $place } з { $of }
plan-vote-place-tied = Місце { $place } (порівну) з { $of }
plan-vote-points = { $count ->
    [one] { $count } точка
    [few] { $count } точки
    [many] { $count } точок
   *[other] { $count } точки
}
plan-vote-approvals = { $count ->
    [one] { $count } схвалення
    [few] { $count } схвалення
    [many] { $count } схвалень
   *[other] { $count } схвалення
}
plan-vote-paper = , з них { $count } на папері
plan-vote-mean = у середньому { $mean }
plan-admin-heading = План дій
plan-link-hint = Перенести заходи з воркшопів, зафіксувати ухвалення, стежити за втіленням.
plan-open = Відкрити план дій
fate-taken = Включено до заходу: { $measures }
fate-not-taken = Не включено до плану
fate-open = До заходу
## Опитування
survey-kind-single = Один варіант
survey-kind-multiple = Кілька варіантів
survey-kind-likert = Шкала Лайкерта
survey-kind-rating = Оцінка 0–10
survey-kind-number = Число
survey-kind-date = Дата
survey-kind-text = Короткий текст
survey-kind-long-text = Довгий текст
survey-kind-ranking = Рейтинг
survey-state-draft = Чернетка
survey-state-open = Відкрито
survey-state-closed = Закрито
survey-likert5-1 = зовсім не погоджуюся
survey-likert5-2 = радше не погоджуюся
survey-likert5-3 = частково
survey-likert5-4 = радше погоджуюся
survey-likert5-5 = повністю погоджуюся
survey-likert7-1 = категорично не погоджуюся
survey-likert7-2 = не погоджуюся
survey-likert7-3 = радше не погоджуюся
survey-likert7-4 = частково
survey-likert7-5 = радше погоджуюся
survey-likert7-6 = погоджуюся
survey-likert7-7 = повністю погоджуюся
survey-op-answered = отримано відповідь
survey-op-equals = дорівнює
survey-op-one-of = є одним із
survey-number-invalid = Будь ласка, введіть число, наприклад 12 або 3,5.
survey-not-open = Це опитування ще не відкрито.
survey-closed = Це опитування закрито. Відповіді більше не приймаються.
survey-starts-on = Це опитування починається { $date }.
survey-closed-on = Це опитування завершилося { $date }. Відповіді більше не приймаються.
survey-changed-meanwhile = Тим часом анкету змінили. Будь ласка, перезавантажте сторінку.
survey-join-first = Це опитування для учасників воркшопу. Спершу долучіться за кодом { $code }.
survey-already-answered = Ви вже відповіли на це опитування. Дякуємо!
survey-already-sent = Ці відповіді вже надіслано, змінити їх більше не можна.
survey-full = Це опитування більше не приймає відповідей (максимум — { $max }).
survey-other-empty = Будь ласка, напишіть, що ви маєте на увазі під «Інше».
survey-text-too-long = Не більше { $max } символів (зараз { $actual }).
survey-unknown-option = У цьому питанні немає такої відповіді.
survey-choices-min = Будь ласка, виберіть не менше { $min } відповідей.
survey-choices-max = Будь ласка, виберіть не більше { $max } відповідей.
survey-step-invalid = Будь ласка, виберіть значення від 1 до { $max }.
survey-matrix-incomplete = Будь ласка, дайте відповідь на кожне твердження.
survey-rating-range = Будь ласка, виберіть значення від 0 до 10.
survey-number-range = Будь ласка, введіть число від { $min } до { $max }.
survey-number-min = Будь ласка, введіть число не менше { $min }.
survey-number-max = Будь ласка, введіть число не більше { $max }.
survey-ranking-range = Будь ласка, розставте місця від 1 до { $max }.
survey-ranking-duplicate = Кожне місце можна дати лише один раз.
survey-ranking-gap = Будь ласка, розставте місця без пропусків, починаючи з 1.
survey-ranking-all = Будь ласка, розставте всі варіанти по порядку.
survey-required = Будь ласка, дайте відповідь на це питання.
survey-required-mark = обов’язково
survey-other = Інше
survey-other-text = Інше (уточніть, будь ласка)
survey-size = { $questions ->
    [one] { $questions } питання
    [few] { $questions } питання
    [many] { $questions } питань
   *[other] { $questions } питання
} на { $pages ->
    [1] одній сторінці
    [one] { $pages } сторінці
   *[other] { $pages } сторінках
}.
survey-thanks-already = Ви вже відповіли на це опитування на цьому пристрої. Дякуємо!
survey-resume-notice = Ви почали це опитування на цьому пристрої.
survey-resume = Продовжити
survey-measure-label = Захід
survey-measure-choose-option = Виберіть …
survey-organisation = Назва організації (не обов’язково)
survey-anonymous = Опитування анонімне: ваші відповіді зберігаються без імені. Кожна сторінка зберігається, коли ви переходите далі.
survey-start = Почати опитування
survey-start-new = Почати знову
survey-about-measure = Ідеться про захід:
survey-results-link = Переглянути результати
survey-thanks = Щиро дякуємо! Ваші відповіді надіслано.
survey-progress-review = Перевірка перед надсиланням
survey-progress = Сторінка { $page } з { $pages }
survey-resume-later = Продовжити пізніше
survey-resume-hint = Ваші відповіді збережено до цієї сторінки. За цим посиланням ви зможете продовжити пізніше, навіть на іншому пристрої. Не передавайте його іншим.
survey-resume-link = Ваше посилання для продовження
survey-errors = { $count ->
    [1] Одна відповідь ще не підходить. Підказка — біля питання.
    [one] { $count } відповідь ще не підходить. Підказки — біля питань.
    [few] { $count } відповіді ще не підходять. Підказки — біля питань.
    [many] { $count } відповідей ще не підходять. Підказки — біля питань.
   *[other] { $count } відповіді ще не підходять. Підказки — біля питань.
}
survey-to-review = Далі до перевірки
survey-next = Далі
survey-back = Назад
survey-page-n = Сторінка { $page }
survey-no-answer = (немає відповіді)
survey-change-page = Змінити: { $page }
survey-review = Ваші відповіді
survey-review-hint = Будь ласка, перевірте свої відповіді. Їх буде враховано лише після натискання «Надіслати».
survey-send = Надіслати
survey-cond-hint-answered = Відповідайте, лише якщо ви відповіли на питання «{ $question }».
survey-cond-hint = Відповідайте, лише якщо в питанні «{ $question }» ви вибрали { $values }.
survey-place = Місце { $place }
survey-place-none = – без місця –
survey-rule-choices-between = Виберіть від { $min } до { $max } відповідей.
survey-rule-choices-min = Виберіть не менше { $min } відповідей.
survey-rule-choices-max = Виберіть не більше { $max } відповідей.
survey-rule-choices-any = Можна вибрати кілька відповідей.
survey-rule-number-between = Число від { $min } до { $max }.
survey-rule-number-min = Число від { $min }.
survey-rule-number-max = Число до { $max }.
survey-rule-text = Не більше { $max } символів.
survey-rule-ranking = Дайте місце 1 найважливішому, потім місце 2 і так далі. Кожне місце — один раз.
survey-rule-date = Наприклад, 24.03.2027.
survey-col-answer = Відповідь
survey-col-count = Кількість
survey-col-share = Частка
survey-col-mean-place = Середнє місце
survey-col-first = На 1-му місці
survey-col-change = Зміна
survey-stats = Середнє { $mean } · медіана { $median } · найменше { $min } · найбільше { $max }
survey-answered = Відповідей: { $count } з { $of }
survey-other-texts = Відповіді в пункті «Інше»
survey-multiple-note = Кілька варіантів: разом частки дають більше ніж 100 %.
survey-likert-stats = Середнє { $mean } · медіана { $median } (шкала від 1 до { $steps })
survey-no-answers = Відповідей ще немає.
survey-texts-more = і ще { $count } (усі у файлі CSV)
survey-ranking-caption = Рейтинг: середнє місце (менше — краще)
survey-counts = { $responses ->
    [one] { $responses } надіслана відповідь
    [few] { $responses } надіслані відповіді
    [many] { $responses } надісланих відповідей
   *[other] { $responses } надісланої відповіді
}, { $partial ->
    [one] { $partial } розпочата й не надіслана
    [few] { $partial } розпочаті й не надіслані
    [many] { $partial } розпочатих і не надісланих
   *[other] { $partial } розпочатої й не надісланої
}
survey-filtered = Фільтр: { $filter }
survey-no-responses = Надісланих відповідей ще немає.
survey-filter-all = Усі
survey-filter-apply = Показати
survey-results-title = Результати: { $title }
survey-back-to-survey = До опитування
survey-back-to-results = До результатів
survey-download-csv = Відповіді у форматі CSV (Excel)
survey-print = Версія для друку
survey-compare-with = Порівняти з хвилею
survey-compare = Порівняти
survey-compare-title = Порівняння: { $a } і { $b }
survey-compare-only = Питали лише в «{ $wave }».
survey-compare-answered = відповіли: { $a } і { $b }
survey-compare-counts = «{ $na }»: відповідей { $a } · «{ $nb }»: відповідей { $b }
survey-pp = відсоткові пункти
survey-unit-percent = Частка респондентів
survey-unit-mean = Середнє
survey-unit-place = Середнє місце (менше — краще)
survey-unit-count = Кількість відповідей
survey-intro = Вступ
survey-results = Результати
survey-qr = QR-код посилання
survey-evaluation-figures = { $responses ->
    [one] { $responses } відгук
    [few] { $responses } відгуки
    [many] { $responses } відгуків
   *[other] { $responses } відгуку
}
survey-evaluation-satisfaction = Задоволеність ⌀ { $mean } з { $top }
survey-evaluation-give = Залишити відгук про захід
survey-evaluation-results = Оцінювання заходу
survey-workshop-surveys = Опитування в цьому воркшопі
survey-take = До опитування
survey-surveys = Опитування
survey-link-hint = Збір даних, опитування на воркшопах та оцінювання заходів.
survey-open-list = До опитувань
survey-questionnaire-changed = Анкету щойно змінили. Будь ласка, перезавантажте сторінку; збережені відповіді залишаться.
survey-saved-elsewhere = Ці відповіді щойно збережено в іншому вікні. Будь ласка, перезавантажте сторінку.
survey-beamer = Показати на проєкторі
survey-beamer-hint = Результати оновлюються кожні п’ять секунд.

## Мови, числа та доступність
number-decimal = ,
number-percent = { $n } %
written-in = Написано мовою: { $language }
footer-accessibility = Заява про доступність
a11y-title = Заява про доступність
a11y-intro = { $municipality } прагне зробити цю платформу участі доступною для всіх людей без бар’єрів. Основа для цього — німецький закон Behindertengleichstellungsgesetz (BGG, про рівні права людей з інвалідністю) і постанова Barrierefreie-Informationstechnik-Verordnung (BITV 2.0, про безбар’єрні інформаційні технології).
a11y-municipality-default = Установа, яка керує цією платформою,
a11y-scope = Ця заява стосується всіх сторінок на { $site }.
a11y-status-heading = Наскільки доступний цей вебсайт?
a11y-status = Цей вебсайт частково відповідає BITV 2.0 і Настановам із доступності вебвмісту (WCAG) 2.1, рівень AA. Наведений нижче вміст поки що недоступний або доступний не повністю.
a11y-known-heading = Що ще недоступне?
a11y-known-dgs = Пояснень німецькою жестовою мовою (DGS) ще немає.
a11y-known-user-text = Пропозиції та питання опитувань люди пишуть самі. Ці тексти не перекладаються і не написані простою мовою (Leichte Sprache).
a11y-known-staff = Сторінки для працівників адміністрації є лише німецькою та англійською.
a11y-known-manual = Перевірку фахівцями за процедурою BITV (BITV-Prüfverfahren), із програмами зчитування з екрана та за участі людей з інвалідністю, ще не проведено.
a11y-method-heading = Як це перевіряли?
a11y-method = Ця заява ґрунтується на самооцінці. Програму Plenum { $version } востаннє перевірено { $date }. Під час кожної зміни програми автоматично виконуються такі перевірки:
a11y-method-axe = axe-core перевіряє кожну сторінку, яку відкривають браузерні тести, кожною мовою за правилами WCAG 2.1 рівнів A і AA.
a11y-method-html = Nu Html Checker перевіряє, чи сторінки містять коректний HTML.
a11y-method-keyboard = Браузерні тести виконують вхід у воркшоп, подання, редагування, відкликання пропозицій і скарги лише за допомогою клавіатури.
a11y-method-zoom = Браузерні тести перевіряють сторінки за ширини 320 пікселів і масштабу 200 %: нікому не доводиться прокручувати сторінку вбік.
a11y-method-rtl = Браузерні тести перевіряють арабську версію, у якій текст іде справа наліво.
a11y-languages = Сторінки для учасників доступні німецькою, простою німецькою (Leichte Sprache), англійською, турецькою, арабською та українською мовами.
a11y-feedback-heading = Повідомити про бар’єр
a11y-feedback = Ви натрапили на бар’єр? Або вам потрібен вміст в іншій формі? Напишіть нам або зателефонуйте:
a11y-feedback-missing = Установа, яка керує цією платформою, ще не вказала контактів. Будь ласка, зверніться до її адміністрації.
a11y-email = Ел. пошта
a11y-phone = Телефон
a11y-address = Адреса
a11y-enforcement-heading = Позасудове врегулювання
a11y-enforcement = Якщо за шість тижнів ви не отримали від нас задовільної відповіді, ви можете звернутися по допомогу до органу позасудового врегулювання (Schlichtungsstelle) згідно з § 16 BGG. Ця процедура безкоштовна. Адвокат для цього не потрібен.
a11y-enforcement-body = Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (орган позасудового врегулювання спорів при Уповноваженому федерального уряду з питань людей з інвалідністю)
a11y-enforcement-address = Mauerstraße 53, 10117 Berlin, телефон +49 30 18 527-2805, ел. пошта info@schlichtungsstelle-bgg.de, www.schlichtungsstelle-bgg.de

# Limits per network address and per workshop
rate-join = З цієї мережі щойно приєдналося дуже багато людей: не більше { $max } за хвилину. Будь ласка, зачекайте { $seconds } с.
rate-lookup = Забагато кодів за короткий час: не більше { $max } за хвилину. Будь ласка, зачекайте { $seconds } с.
rate-submit = З цієї мережі щойно надійшло дуже багато пропозицій: не більше { $max } за хвилину. Будь ласка, зачекайте { $seconds } с. Ваш текст збережено.
rate-ballot = З цієї мережі щойно надійшло дуже багато голосів: не більше { $max } за хвилину. Будь ласка, зачекайте { $seconds } с.
rate-survey = З цієї мережі щойно надійшло дуже багато відповідей: не більше { $max } за хвилину. Будь ласка, зачекайте { $seconds } с.
join-full = Цей воркшоп заповнений: не більше { $max } учасників. Будь ласка, зверніться до модераторів.
