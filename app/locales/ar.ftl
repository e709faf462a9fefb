# Plenum — العربية: ما يراه المشاركون والمشاركات.

app-name = Plenum
language-name = العربية
language-switch = اللغة
skip-to-content = الانتقال إلى المحتوى
nav-label = القائمة الرئيسية
nav-processes = عمليات المشاركة
nav-login = تسجيل الدخول
nav-logout = تسجيل الخروج
nav-staff = الإدارة
nav-users = الحسابات
nav-settings = الإعدادات
footer-text = Plenum – منصة للمشاركة في إعداد خطط العمل المحلية لمواجهة العنصرية والتطرف اليميني.
loading = جارٍ التحميل …
save = حفظ
saved = تم الحفظ.
delete = حذف
remove = إزالة
date-format = { $dayshort } { $monthname } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
error-not-found-title = الصفحة غير موجودة
error-not-found = هذه الصفحة غير موجودة (أو لم تعد موجودة). ربما نُسخ الرابط بشكل خاطئ.
error-forbidden-title = غير مسموح
error-forbidden = لا يُسمح لحسابك بالقيام بهذا.
error-unauthenticated-title = يلزم تسجيل الدخول
error-unauthenticated = يُرجى تسجيل الدخول للمتابعة.
error-internal-title = حدث خطأ ما
error-internal = حدث خطأ في الخادم، ولم تُحفظ البيانات التي أدخلتها. يُرجى المحاولة مرة أخرى بعد قليل.
error-transport = تعذّر الوصول إلى الخادم حاليًا. يُرجى التحقق من الاتصال والمحاولة مرة أخرى.
error-invalid = يُرجى مراجعة الحقول المحدَّدة.
error-rate-limited = محاولات كثيرة جدًا. يُرجى الانتظار { $seconds } ثانية.
error-back-home = العودة إلى الصفحة الرئيسية
field-required = يُرجى ملء هذا الحقل.
field-length = يُرجى إدخال نص يتراوح عدد أحرفه بين { $min } و{ $max } (الآن: { $actual }).
field-too-long = الحد الأقصى لعدد الأحرف: { $max } (الآن: { $actual }).
field-date = يُرجى إدخال تاريخ صحيح بالصيغة اليوم.الشهر.السنة، مثلًا 24.03.2027.
field-email = يُرجى إدخال عنوان بريد إلكتروني صحيح.
field-email-taken = يوجد حساب بالفعل لعنوان البريد الإلكتروني هذا.
field-password = يجب أن يتراوح عدد أحرف كلمة المرور بين { $min } و{ $max }.
field-password-mismatch = كلمتا المرور غير متطابقتين.
field-role = يُرجى اختيار دور.
field-count-limit = الحد الأقصى لعدد الإدخالات: { $max }.
field-email-label = البريد الإلكتروني
field-password-label = كلمة المرور
field-password-repeat-label = إعادة إدخال كلمة المرور
hint-length = عدد الأحرف: من { $min } إلى { $max }
home-title = المشاركة
home-heading = معًا ضد العنصرية والتطرف اليميني
home-lead = هنا يعمل المجتمع المدني ومنظمات المهاجرين والإدارة معًا على إعداد خطة العمل المحلية: في ورش عمل، ومن خلال التصويت، وبشفافية حتى مرحلة التنفيذ.
home-processes = عمليات المشاركة الجارية
home-no-processes = لا توجد حاليًا أي عملية مشاركة منشورة.
staff-title = الإدارة
staff-no-processes = لا توجد أي عملية مشاركة بعد.
process-new = عملية مشاركة جديدة
process-create = إنشاء العملية
process-name = اسم العملية
process-municipality = البلدية
process-description = الوصف
process-draft = مسودة
process-edit = تعديل
process-current-phase = المرحلة الحالية
process-phases = المراحل
process-goals = الأهداف العامة
process-action-fields = مجالات العمل
process-field-goals = أهداف مجال العمل
process-no-action-fields = لا توجد مجالات عمل بعد.
process-themes = المواضيع
phase-name = اسم المرحلة
phase-starts-on = البداية
phase-ends-on = النهاية
phase-add = إضافة مرحلة
phase-current = المرحلة الحالية
phase-make-current = تحديدها كمرحلة حالية
phase-from = ابتداءً من { $date }
phase-until = حتى { $date }
phase-end-before-start = لا يجوز أن تكون النهاية قبل البداية.
phase-default-analysis = تحليل الوضع الأولي
phase-default-inventory = حصر وتحليل ما هو قائم
phase-default-measures = تطوير الإجراءات
phase-default-implementation = تنفيذ الإجراءات وترسيخها
phase-default-evaluation = التقييم
theme-name = الموضوع
theme-add = إضافة موضوع
theme-name-taken = هذا الموضوع موجود بالفعل.
cancel = إلغاء
field-choice = يُرجى اختيار أحد الخيارات المعروضة.
field-datetime = يُرجى إدخال التاريخ والوقت، مثلًا 05.03.2026 18:00.
field-url = يُرجى إدخال رابط يبدأ بـ https://
staff-processes = عمليات المشاركة
ws-mode-in-person = حضوري
ws-mode-online = عبر الإنترنت
ws-mode-hybrid = مختلط
ws-code = رمز الدخول
ws-join-data = المشاركة
ws-qr-label = رمز QR للمشاركة: { $link }
beamer-title = جهاز العرض: { $title }
ws-state-draft = مسودة
ws-state-collecting = جمع الاقتراحات
ws-state-clustering = فرز الاقتراحات
ws-state-voting = التصويت
ws-state-closed = منتهية
ws-not-started = لم تبدأ ورشة العمل هذه بعد. يفتحها فريق التيسير عند بدايتها؛ يُرجى المحاولة مرة أخرى حينها.
ws-closed = انتهت ورشة العمل هذه. شكرًا جزيلًا على مشاركتك!
ws-to-process = إلى عملية المشاركة
ws-hello = اسمك في هذه المشاركة: { $name }
ws-hello-anonymous = مشاركتك دون اسم.
ws-mine = اقتراحاتي
ws-mine-empty = لا توجد لديك اقتراحات بعد.
ws-board = جميع الاقتراحات
ws-notice-collecting = يمكن تقديم الاقتراحات الآن.
ws-notice-clustering = انتهت مرحلة جمع الاقتراحات. يقوم فريق التيسير الآن بتجميع الاقتراحات المتشابهة.
ws-notice-voting = انتهت مرحلة جمع الاقتراحات. التصويت جارٍ الآن.
join-with-code = المشاركة برمز الدخول
join-code-label = رمز الدخول إلى الورشة
join-code-hint = ستة أحرف وأرقام، مثلًا K7PX3M. الرمز معروض على الشاشة.
join-code-go = متابعة
join-code-invalid = هذا الرمز غير موجود. يتكون الرمز من ستة أحرف وأرقام، ولا يحتوي على 0 أو O أو 1 أو I أو L.
join-title = المشاركة: { $title }
join-lead = لا حاجة إلى حساب. الاسم والمنظمة اختياريان.
join-display-name = الاسم الذي يظهر مع اقتراحاتك
join-display-name-hint = اختياري. إذا بقي الحقل فارغًا، تظهر عبارة «بدون اسم».
join-organisation = المنظمة
join-org-type = نوع المنظمة
join-org-type-none = دون تحديد
join-consent = قرأتُ معلومات حماية البيانات وأوافق عليها.
join-consent-required = للمشاركة، يُرجى الموافقة على معلومات حماية البيانات.
join-submit = مشاركة
privacy-heading = معلومات حماية البيانات
privacy-text = تحفظ البلدية اقتراحاتك والبيانات الاختيارية (الاسم، المنظمة) من أجل إعداد خطة العمل معًا. كل من يشارك في ورشة العمل يرى اقتراحاتك مع الاسم الذي أدخلته. يحفظ ملف تعريف ارتباط (Cookie) على هذا الجهاز معلومة واحدة: مشاركتك في الورشة. ولا نطلب منك أي عنوان بريد إلكتروني. لمعرفة البيانات المحفوظة عنك أو لطلب حذفها، يمكنك التواصل مع فريق التيسير أو مع الجهة المنظِّمة للعملية.
org-type-migrant = منظمة مهاجرين
org-type-association = جمعية/مبادرة
org-type-administration = الإدارة
org-type-politics = السياسة
org-type-education = مدرسة/تعليم
org-type-individual = بصفة فردية
org-type-other = أخرى
proposal-new = اقتراح إجراء جديد
proposal-action-field = مجال العمل
proposal-choose-field = يُرجى الاختيار
proposal-single-field = مجال العمل: { $field }
proposal-field-required = يُرجى اختيار مجال عمل.
proposal-title = عنوان الإجراء
proposal-description = الوصف
proposal-more = معلومات إضافية (اختياري)
proposal-goal = الهدف
proposal-target-group = الفئة المستهدفة
proposal-partners = شركاء تعاون محتملون
proposal-timeframe = الإطار الزمني
proposal-submit = تقديم الاقتراح
proposal-sent = شكرًا! وصل اقتراحك.
proposal-offline = لا يوجد اتصال: لم يُرسَل اقتراحك بعد. يُرجى إرساله مرة أخرى.
proposal-not-collecting = لا تجمع ورشة العمل هذه اقتراحات في الوقت الحالي.
proposal-limit = لقد وصلت إلى الحد الأقصى لعدد الاقتراحات في ورشة العمل هذه ({ $max }). لتقديم اقتراح جديد، يُرجى سحب أحد اقتراحاتك أولًا.
proposal-rate = الحد الأقصى لعدد الاقتراحات في الدقيقة: { $max }. يُرجى الانتظار { $seconds } ثانية.
proposal-workshop-full = وصلت ورشة العمل هذه إلى الحد الأقصى لعدد الاقتراحات ({ $max }). يُرجى التحدث إلى فريق الإدارة.
proposal-changed = تم تعديل الاقتراح في هذه الأثناء. يُرجى إعادة تحميل الصفحة ومراجعة النسخة الجديدة.
proposal-not-hidden = الاقتراح غير مخفي.
proposal-mine = اقتراحك
proposal-edited = معدَّل
proposal-reports = { $count ->
    [zero] لا بلاغات
    [one] بلاغ واحد
    [two] بلاغان
    [few] { $count } بلاغات
    [many] { $count } بلاغًا
   *[other] { $count } بلاغ
}
proposal-hidden = أخفاه فريق التيسير
proposal-edit = تعديل
proposal-edit-label = تعديل: { $title }
proposal-edit-title = تعديل الاقتراح
proposal-withdraw = سحب
proposal-withdraw-label = سحب: { $title }
proposal-hide = إخفاء
proposal-hide-label = إخفاء: { $title }
proposal-hide-reason = السبب (يراه الشخص الذي قدّم الاقتراح)
proposal-hide-confirm = إخفاء
proposal-restore = إظهار مجددًا
proposal-restore-label = إظهار مجددًا: { $title }
author-anonymous = بدون اسم
author-room = من القاعة
author-deleted = محذوف
board-count = { $count ->
    [zero] لا اقتراحات
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $count } اقتراحات
    [many] { $count } اقتراحًا
   *[other] { $count } اقتراح
}
board-participants = { $count ->
    [zero] لا أحد بعد
    [one] شخص مشارك واحد
    [two] شخصان مشاركان
    [few] { $count } أشخاص مشاركين
    [many] { $count } شخصًا مشاركًا
   *[other] { $count } شخص مشارك
}
board-empty = لا توجد اقتراحات بعد.
live-on = مباشر: تظهر الاقتراحات الجديدة تلقائيًا.
live-off = جارٍ الاتصال …
report-link = إبلاغ
report-label = إبلاغ: { $title }
report-title = الإبلاغ عن اقتراح
report-lead = يطّلع فريق التيسير على بلاغك ويقرر ما إذا كان الاقتراح سيُخفى.
report-reason = ما المشكلة؟ (اختياري)
report-submit = إبلاغ
report-thanks = شكرًا، سيطّلع فريق التيسير على بلاغك.
report-twice = لقد أبلغت عن هذا الاقتراح من قبل.
room-add = إضافة اقتراح من القاعة
room-submit = إضافة الاقتراح
history = السجل
history-original = قُدِّم
## التصويت
field-number = يُرجى إدخال عدد صحيح من { $min } إلى { $max }.
vote-method-dots = التصويت بالنقاط
vote-method-approval = الموافقة (نعم لكل خيار)
vote-method-score = التقييم (من 0 إلى 5)
vote-method-ranking = الترتيب (طريقة شولتز)
vote-method-missing = يُرجى اختيار طريقة.
vote-state-draft = قيد التحضير
vote-state-open = جارية
vote-state-closed = منتهية
vote-turnout = صوّت { $cast } من أصل { $eligible }
vote-paper-note = بما في ذلك النقاط التي عُدَّت على لوحة الإعلانات (على الورق).
vote-options-count = يُرجى اختيار ما بين { $min } و{ $max } من الخيارات.
vote-not-voting = هذا ممكن فقط أثناء مرحلة التصويت في ورشة العمل.
vote-not-open = هذه الجولة غير مفتوحة.
vote-not-open-yet = لم تُفتح هذه الجولة بعد.
vote-closed = انتهت هذه الجولة؛ لم يعد بالإمكان التصويت.
vote-locked = تم الإدلاء بالصوت الأول: تبقى الطريقة والإعدادات والخيارات كما هي. للتغيير، يُرجى إنشاء جولة جديدة.
vote-heading = التصويت
vote-none-yet = سنبدأ بعد قليل: لم يُفتح التصويت بعد.
vote-closed-notice = انتهت الجولة. النتيجة:
vote-rules-dots = عدد نقاطك: { $dots }. يمكنك وضع { $per } منها كحد أقصى على خيار واحد، ولا يلزم استخدامها كلها.
vote-rules-approval = يُرجى تحديد كل الخيارات التي تحظى بموافقتك.
vote-rules-approval-max = يُرجى تحديد ما لا يزيد عن { $max } من الخيارات التي تحظى بموافقتك.
vote-rules-score = يُرجى تقييم الخيارات من 0 (لا على الإطلاق) إلى 5 (بدرجة كبيرة جدًا)؛ الخيارات التي تُترك دون تقييم لا تُحتسب.
vote-rules-ranking = يُرجى إعطاء الخيارات مراتب: 1 للأفضل. الخيارات التي ليس لها مرتبة تأتي بعد كل الخيارات التي لها مرتبة.
vote-dots-left = { $count ->
    [zero] لم تتبقَّ أي نقاط
    [one] تبقّت نقطة واحدة
    [two] تبقّت نقطتان
    [few] تبقّت { $count } نقاط
    [many] تبقّت { $count } نقطة
   *[other] تبقّت { $count } نقطة
}
vote-unit-dots = نقاط
vote-unit-score = من { $max }
vote-unit-place = المرتبة
vote-score-none = – بدون تقييم –
vote-cast = إرسال التصويت
vote-change = تغيير التصويت
vote-abstain = امتناع عن التصويت
vote-counted = تم احتساب صوتك. يمكنك تغييره حتى انتهاء الجولة.
vote-abstained = لقد امتنعت عن التصويت. لا يزال بإمكانك التصويت حتى انتهاء الجولة.
vote-time-left = الوقت المتبقي
vote-unsaved-warning = تبقّت دقيقة واحدة: لم يُرسَل صوتك بعد.
ballot-shape = هذا الصوت لا يتوافق مع طريقة التصويت في هذه الجولة.
ballot-unknown-option = هذا الخيار ليس جزءًا من هذه الجولة.
ballot-duplicate = هذا الخيار مكرر.
ballot-too-many-dots = نقاط كثيرة جدًا: الحد الأقصى للمجموع { $max }.
ballot-too-many-on-one = الحد الأقصى لعدد النقاط على خيار واحد: { $max }.
ballot-too-many-approvals = يُرجى تحديد { $max } من الخيارات كحد أقصى.
ballot-score-range = يُرجى إعطاء تقييم من 0 إلى { $max }.
ballot-place-twice = كل مرتبة مرة واحدة فقط.
vote-result-summary = { $method }: عدد الأصوات { $ballots } من أصل { $eligible } من المشاركين.
vote-provisional = (نتيجة مؤقتة)
vote-result-table = النتيجة بالأرقام
vote-place = المرتبة
vote-place-tied = { $place } (بالتعادل)
vote-option = الخيار
vote-figure = النتيجة
vote-figure-detail = منها
vote-figure-dots = { $count ->
    [zero] لا نقاط
    [one] نقطة واحدة
    [two] نقطتان
    [few] { $count } نقاط
    [many] { $count } نقطة
   *[other] { $count } نقطة
}
vote-figure-approvals = نعم: { $count }
vote-figure-paper = { $online } عبر الإنترنت، { $paper } على الورق
vote-figure-unscored = بدون تقييم
vote-figure-scores = عدد التقييمات: { $count } ({ $spread })
vote-pairwise = المقارنة الثنائية: عدد الأصوات التي وضعت خيار الصف قبل خيار العمود.
vote-offline = لا يوجد اتصال: لم يُرسَل صوتك بعد. يُرجى إرساله مرة أخرى.
board-more = { $count ->
    [one] واقتراح آخر
    [two] واقتراحان آخران
    [few] و{ $count } اقتراحات أخرى
    [many] و{ $count } اقتراحًا آخر
   *[other] و{ $count } اقتراح آخر
}
## الخطة (خطة العمل)
field-month = يُرجى إدخال شهر، مثلًا 03/2027.
measure-title = الإجراء
measure-description = الوصف
measure-action-field = مجال العمل
measure-action-field-required = يُرجى اختيار أحد مجالات العمل الخاصة بهذه العملية.
measure-phase = المرحلة
measure-timeframe = الفترة الزمنية
measure-end-before-start = النهاية تقع قبل البداية.
measure-goals = الهدف
measure-themes = المواضيع
measure-partners = شركاء التعاون
measure-lead = الجهة المسؤولة
measure-target-groups = الفئات المستهدفة
measure-indicators = المؤشرات
measure-resources = الموارد
measure-status = الحالة
measure-progress = التقدّم (٪)
measure-status-planned = مخطَّط
measure-status-in_progress = قيد التنفيذ
measure-status-done = مُنفَّذ
measure-status-paused = متوقف مؤقتًا
measure-status-dropped = مُلغى
measure-status-unknown = يُرجى اختيار إحدى الحالات: مخطَّط، قيد التنفيذ، مُنفَّذ، متوقف مؤقتًا، مُلغى.
measure-planned-progress = نسبة التقدّم في الإجراء المخطَّط هي 0 ٪. لتسجيل التقدّم، يُرجى اختيار «قيد التنفيذ».
measure-origin-workshop = مأخوذ من ورشة عمل
measure-origin-direct = أُنشئ مباشرةً
measure-origin-import = مستورد من جدول
partner-kind-administration = الإدارة
partner-kind-migrant = منظمة مهاجرين
partner-kind-association = جمعية
partner-kind-school = مدرسة
partner-kind-politics = السياسة
partner-kind-science = البحث العلمي
partner-kind-other = أخرى
partner-name-too-long = اسم الشريك «{ $name }» طويل جدًا: الحد الأقصى لعدد الأحرف { $max }.
plan-title = خطة العمل – { $name }
plan-heading = خطة العمل: { $name }
plan-version-adopted = النسخة المعتمدة رقم { $number } بتاريخ { $date }
plan-version-draft = مسودة – لم تُعتمد بعد
plan-draft-notice = هذه هي المسودة. قد تتغير، ولم تعتمدها لجنة التوجيه بعد.
plan-adoption-note = القرار
plan-edit = تعديل الخطة
plan-edit-measure = تعديل الإجراء
plan-downloads = التنزيلات
plan-download-csv = جدول (CSV لبرنامج Excel)
plan-download-json = بيانات مفتوحة (JSON)
plan-print = نسخة للطباعة
plan-print-title = نسخة للطباعة – { $name }
plan-print-hint = للحفظ كملف PDF: يُرجى اختيار «طباعة» ثم «حفظ كملف PDF» (A4 بالعرض).
plan-back = العودة إلى الخطة
plan-filter-version = النسخة
plan-filter-version-newest = أحدث نسخة معتمدة
plan-filter-all = الكل
plan-filter-apply = عرض
plan-search = بحث
plan-count = الإجراءات: { $shown } من أصل { $total }
plan-empty = لا يوجد إجراء يطابق هذا الاختيار.
plan-table-caption = الإجراءات في مجال العمل: { $field }
plan-provenance = المصدر
plan-source-workshop = ورشة العمل
plan-source-cluster = المجموعة
plan-source-proposals = الاقتراحات التي نشأ منها الإجراء:
plan-source-no-proposals = لا توجد اقتراحات ظاهرة.
plan-merged-from = مدمج من: { $titles }
plan-merged-into = دُمج هذا الإجراء في:
plan-timeline = التنفيذ
plan-timeline-empty = لا توجد بعد أي مدخلات عن التنفيذ.
plan-note = التقدّم
plan-milestone = محطة رئيسية
plan-milestone-done = تم بلوغ المحطة الرئيسية
plan-vote-place = المرتبة { $place } من { $of }
plan-vote-place-tied = المرتبة { $place } (بالتعادل) من { $of }
plan-vote-points = { $count ->
    [zero] لا نقاط
    [one] نقطة واحدة
    [two] نقطتان
    [few] { $count } نقاط
    [many] { $count } نقطة
   *[other] { $count } نقطة
}
plan-vote-approvals = { $count ->
    [zero] لا موافقات
    [one] موافقة واحدة
    [two] موافقتان
    [few] { $count } موافقات
    [many] { $count } موافقة
   *[other] { $count } موافقة
}
plan-vote-paper = ، منها { $count } على الورق
plan-vote-mean = المتوسط { $mean }
plan-admin-heading = خطة العمل
plan-link-hint = نقل الإجراءات من ورش العمل، وتوثيق الاعتماد، ومتابعة التنفيذ.
plan-open = فتح خطة العمل
fate-taken = أُدرج في الإجراء: { $measures }
fate-not-taken = لم يُدرج في الخطة
fate-open = إلى الإجراء
## الاستطلاعات
survey-kind-single = اختيار واحد
survey-kind-multiple = اختيار متعدد
survey-kind-likert = مقياس ليكرت
survey-kind-rating = تقييم 0–10
survey-kind-number = رقم
survey-kind-date = تاريخ
survey-kind-text = نص قصير
survey-kind-long-text = نص طويل
survey-kind-ranking = ترتيب
survey-state-draft = مسودة
survey-state-open = مفتوح
survey-state-closed = مغلق
survey-likert5-1 = لا أوافق أبدًا
survey-likert5-2 = لا أوافق إلى حد ما
survey-likert5-3 = لا أوافق ولا أعارض
survey-likert5-4 = أوافق إلى حد ما
survey-likert5-5 = أوافق تمامًا
survey-likert7-1 = لا أوافق على الإطلاق
survey-likert7-2 = لا أوافق
survey-likert7-3 = لا أوافق إلى حد ما
survey-likert7-4 = لا أوافق ولا أعارض
survey-likert7-5 = أوافق إلى حد ما
survey-likert7-6 = أوافق
survey-likert7-7 = أوافق كليًا
survey-op-answered = تمت الإجابة عنه
survey-op-equals = يساوي
survey-op-one-of = هو أحد
survey-number-invalid = يُرجى إدخال رقم، مثلًا 12 أو 3,5.
survey-not-open = هذا الاستطلاع غير مفتوح بعد.
survey-closed = هذا الاستطلاع مغلق، ولم تعد تُقبل إجابات جديدة.
survey-starts-on = يبدأ هذا الاستطلاع في { $date }.
survey-closed-on = انتهى هذا الاستطلاع في { $date }، ولم تعد تُقبل إجابات جديدة.
survey-changed-meanwhile = تم تعديل الاستبيان في هذه الأثناء. يُرجى إعادة تحميل الصفحة.
survey-join-first = هذا الاستطلاع مخصص للمشاركين في ورشة عمل. يُرجى الانضمام أولًا باستخدام رمز الدخول { $code }.
survey-already-answered = لقد أجبت عن هذا الاستطلاع من قبل. شكرًا!
survey-already-sent = تم إرسال هذه الإجابات، ولم يعد بالإمكان تغييرها.
survey-full = لم يعد هذا الاستطلاع يقبل استجابات أخرى (الحد الأقصى: { $max }).
survey-other-empty = يُرجى توضيح المقصود عند اختيار «أخرى».
survey-text-too-long = الحد الأقصى لعدد الأحرف: { $max } (الآن: { $actual }).
survey-unknown-option = هذه الإجابة غير موجودة في هذا السؤال.
survey-choices-min = يُرجى اختيار { $min } من الإجابات على الأقل.
survey-choices-max = يُرجى اختيار { $max } من الإجابات على الأكثر.
survey-step-invalid = يُرجى اختيار درجة من 1 إلى { $max }.
survey-matrix-incomplete = يُرجى الإجابة عن كل عبارة.
survey-rating-range = يُرجى اختيار قيمة من 0 إلى 10.
survey-number-range = يُرجى إدخال رقم من { $min } إلى { $max }.
survey-number-min = يُرجى إدخال { $min } على الأقل.
survey-number-max = يُرجى إدخال { $max } على الأكثر.
survey-ranking-range = يُرجى إعطاء مراتب من 1 إلى { $max }.
survey-ranking-duplicate = لا يمكن إعطاء كل مرتبة إلا مرة واحدة.
survey-ranking-gap = يُرجى إعطاء المراتب دون فجوات، بدءًا من المرتبة 1.
survey-ranking-all = يُرجى ترتيب جميع الخيارات.
survey-required = يُرجى الإجابة عن هذا السؤال.
survey-required-mark = إلزامي
survey-other = أخرى
survey-other-text = أخرى، يُرجى التحديد
survey-size = { $questions ->
    [one] سؤال واحد
    [two] سؤالان
    [few] { $questions } أسئلة
    [many] { $questions } سؤالًا
   *[other] { $questions } سؤال
} في { $pages ->
    [one] صفحة واحدة
    [two] صفحتين
    [few] { $pages } صفحات
    [many] { $pages } صفحة
   *[other] { $pages } صفحة
}.
survey-thanks-already = لقد أجبت عن هذا الاستطلاع على هذا الجهاز من قبل. شكرًا!
survey-resume-notice = لقد بدأت هذا الاستطلاع على هذا الجهاز.
survey-resume = متابعة الإجابة
survey-measure-label = الإجراء
survey-measure-choose-option = يُرجى الاختيار …
survey-organisation = اسم المنظمة (اختياري)
survey-anonymous = الاستطلاع مجهول الهوية: تُحفظ إجاباتك دون أسماء. وتُحفظ كل صفحة عند الانتقال إلى الصفحة التالية.
survey-start = بدء الاستطلاع
survey-start-new = البدء من جديد
survey-about-measure = يتعلق الأمر بالإجراء:
survey-results-link = عرض النتائج
survey-thanks = شكرًا جزيلًا! تم إرسال إجاباتك.
survey-progress-review = مراجعة قبل الإرسال
survey-progress = الصفحة { $page } من { $pages }
survey-resume-later = المتابعة لاحقًا
survey-resume-hint = إجاباتك محفوظة حتى الصفحة الحالية. بهذا الرابط يمكنك المتابعة لاحقًا، حتى على جهاز آخر. يُرجى عدم مشاركته مع أي أحد.
survey-resume-link = رابطك للمتابعة
survey-errors = { $count ->
    [one] إجابة واحدة تحتاج إلى تصحيح. الملاحظة مكتوبة بجانب السؤال.
    [two] إجابتان تحتاجان إلى تصحيح. الملاحظات مكتوبة بجانب الأسئلة.
    [few] { $count } إجابات تحتاج إلى تصحيح. الملاحظات مكتوبة بجانب الأسئلة.
    [many] { $count } إجابة تحتاج إلى تصحيح. الملاحظات مكتوبة بجانب الأسئلة.
   *[other] { $count } إجابة تحتاج إلى تصحيح. الملاحظات مكتوبة بجانب الأسئلة.
}
survey-to-review = إلى المراجعة
survey-next = التالي
survey-back = رجوع
survey-page-n = الصفحة { $page }
survey-no-answer = (لا إجابة)
survey-change-page = تعديل { $page }
survey-review = إجاباتك
survey-review-hint = يُرجى مراجعة إجاباتك. لن تُحتسب إلا بعد الضغط على «إرسال».
survey-send = إرسال
survey-cond-hint-answered = يُجاب عن هذا السؤال فقط في حال الإجابة عن «{ $question }».
survey-cond-hint = يُجاب عن هذا السؤال فقط في حال اختيار { $values } في «{ $question }».
survey-place = المرتبة { $place }
survey-place-none = – بدون مرتبة –
survey-rule-choices-between = اختيار ما بين { $min } و{ $max } من الإجابات.
survey-rule-choices-min = اختيار { $min } من الإجابات على الأقل.
survey-rule-choices-max = اختيار { $max } من الإجابات على الأكثر.
survey-rule-choices-any = يمكن اختيار أكثر من إجابة.
survey-rule-number-between = رقم من { $min } إلى { $max }.
survey-rule-number-min = رقم لا يقل عن { $min }.
survey-rule-number-max = رقم لا يزيد عن { $max }.
survey-rule-text = الحد الأقصى لعدد الأحرف: { $max }.
survey-rule-ranking = المرتبة 1 للأهم، ثم المرتبة 2، وهكذا. كل مرتبة مرة واحدة فقط.
survey-rule-date = مثلًا 24.03.2027.
survey-col-answer = الإجابة
survey-col-count = العدد
survey-col-share = النسبة
survey-col-mean-place = متوسط المرتبة
survey-col-first = في المرتبة 1
survey-col-change = التغيّر
survey-stats = المتوسط { $mean } · الوسيط { $median } · أدنى قيمة { $min } · أعلى قيمة { $max }
survey-answered = الاستجابات: { $count } من أصل { $of }
survey-other-texts = الإجابات تحت «أخرى»
survey-multiple-note = اختيار متعدد: مجموع النسب أكثر من 100 ٪.
survey-likert-stats = المتوسط { $mean } · الوسيط { $median } (المقياس من 1 إلى { $steps })
survey-no-answers = لا توجد إجابات بعد.
survey-texts-more = و{ $count } أخرى (جميعها في ملف CSV)
survey-ranking-caption = الترتيب: متوسط المرتبة (الأقل هو الأفضل)
survey-counts = { $responses ->
    [zero] لا استجابات مُرسلة
    [one] استجابة واحدة مُرسلة
    [two] استجابتان مُرسلتان
    [few] { $responses } استجابات مُرسلة
    [many] { $responses } استجابة مُرسلة
   *[other] { $responses } استجابة مُرسلة
}، { $partial ->
    [zero] ولا استجابات بدأت دون إرسال
    [one] واستجابة واحدة بدأت ولم تُرسل
    [two] واستجابتان بدأتا ولم تُرسلا
    [few] و{ $partial } استجابات بدأت ولم تُرسل
    [many] و{ $partial } استجابة بدأت ولم تُرسل
   *[other] و{ $partial } استجابة بدأت ولم تُرسل
}
survey-filtered = التصفية: { $filter }
survey-no-responses = لا توجد استجابات مُرسلة بعد.
survey-filter-all = الكل
survey-filter-apply = عرض
survey-results-title = النتائج: { $title }
survey-back-to-survey = إلى الاستطلاع
survey-back-to-results = إلى النتائج
survey-download-csv = الاستجابات بصيغة CSV (Excel)
survey-print = نسخة للطباعة
survey-compare-with = المقارنة مع دورة
survey-compare = مقارنة
survey-compare-title = مقارنة: { $a } و{ $b }
survey-compare-only = سُئل فقط في «{ $wave }».
survey-compare-answered = عدد من أجاب: { $a } و{ $b }
survey-compare-counts = «{ $na }»: الاستجابات { $a } · «{ $nb }»: الاستجابات { $b }
survey-pp = نقاط مئوية
survey-unit-percent = نسبة من أجاب
survey-unit-mean = المتوسط
survey-unit-place = متوسط المرتبة (الأقل هو الأفضل)
survey-unit-count = عدد الإجابات
survey-intro = مقدمة
survey-results = النتائج
survey-qr = رمز QR للرابط
survey-evaluation-figures = { $responses ->
    [zero] لا آراء
    [one] رأي واحد
    [two] رأيان
    [few] { $responses } آراء
    [many] { $responses } رأيًا
   *[other] { $responses } رأي
}
survey-evaluation-satisfaction = متوسط الرضا { $mean } من { $top }
survey-evaluation-give = إبداء الرأي في هذا الإجراء
survey-evaluation-results = تقييم الإجراء
survey-workshop-surveys = الاستطلاعات في ورشة العمل هذه
survey-take = إلى الاستطلاع
survey-surveys = الاستطلاعات
survey-link-hint = استطلاعات لجمع البيانات، واستبيانات في ورش العمل، وتقييم الإجراءات.
survey-open-list = إلى الاستطلاعات
survey-questionnaire-changed = تم تعديل الاستبيان للتو. يُرجى إعادة تحميل الصفحة؛ ستبقى إجاباتك المحفوظة كما هي.
survey-saved-elsewhere = حُفظت هذه الإجابات للتو في نافذة أخرى. يُرجى إعادة تحميل الصفحة.
survey-beamer = العرض على جهاز العرض
survey-beamer-hint = تتحدّث النتائج كل خمس ثوانٍ.

## اللغات والأرقام وإمكانية الوصول
number-decimal = ,
number-percent = { $n } ٪
written-in = مكتوب باللغة: { $language }
footer-accessibility = بيان إمكانية الوصول
a11y-title = بيان إمكانية الوصول
a11y-intro = يتمثل هدف { $municipality } في أن تكون منصة المشاركة هذه متاحة للجميع دون عوائق. الأساس القانوني لذلك هو قانون المساواة للأشخاص ذوي الإعاقة (BGG) ولائحة تقنية المعلومات الخالية من العوائق (BITV 2.0).
a11y-municipality-default = الجهة التي تشغّل هذه المنصة
a11y-scope = ينطبق هذا البيان على جميع الصفحات ضمن { $site }.
a11y-status-heading = إلى أي مدى يخلو هذا الموقع من العوائق؟
a11y-status = هذا الموقع متوافق جزئيًا مع BITV 2.0 ومع إرشادات إمكانية الوصول إلى محتوى الويب (WCAG) 2.1، المستوى AA. المحتويات التالية ليست خالية من العوائق بعد، أو ليست خالية منها بالكامل.
a11y-known-heading = ما الذي لم يصبح خاليًا من العوائق بعد؟
a11y-known-dgs = لا توجد بعد شروحات بلغة الإشارة الألمانية (DGS).
a11y-known-user-text = يكتب الناس الاقتراحات وأسئلة الاستطلاعات بأنفسهم. هذه النصوص لا تُترجم، وليست مكتوبة بلغة مبسطة (Leichte Sprache).
a11y-known-staff = صفحات موظفي الإدارة متوفرة باللغتين الألمانية والإنجليزية فقط.
a11y-known-manual = لم يُجرَ بعد فحص من قِبل مختصين وفق منهجية الفحص الخاصة بـ BITV، باستخدام قارئات الشاشة وبمشاركة أشخاص ذوي إعاقة.
a11y-method-heading = كيف تم الفحص؟
a11y-method = يستند هذا البيان إلى تقييم ذاتي. فُحص برنامج Plenum { $version } آخر مرة في { $date }. ومع كل تغيير في البرنامج تُجرى الفحوص الآلية التالية:
a11y-method-axe = يفحص axe-core كل صفحة تزورها اختبارات المتصفح، بكل اللغات، وفق قواعد WCAG 2.1 للمستويين A و AA.
a11y-method-html = يتحقق Nu Html Checker من أن الصفحات مكتوبة بلغة HTML صحيحة.
a11y-method-keyboard = تستخدم اختبارات المتصفح لوحة المفاتيح وحدها للانضمام وتقديم الاقتراحات وتعديلها وسحبها والإبلاغ عنها.
a11y-method-zoom = تفحص اختبارات المتصفح الصفحات بعرض 320 بكسل وبتكبير 200 ٪: لا يحتاج أحد إلى التمرير أفقيًا.
a11y-method-rtl = تفحص اختبارات المتصفح النسخة العربية التي تُكتب من اليمين إلى اليسار.
a11y-languages = صفحات المشاركين متوفرة بالألمانية، وبالألمانية المبسطة (Leichte Sprache)، وبالإنجليزية والتركية والعربية والأوكرانية.
a11y-feedback-heading = الإبلاغ عن عائق
a11y-feedback = هل صادفك عائق؟ أو هل يلزمك محتوى بشكل آخر؟ يسعدنا تواصلك معنا كتابيًا أو هاتفيًا:
a11y-feedback-missing = لم تُدخل الجهة التي تشغّل هذه المنصة بيانات للتواصل بعد. يُرجى التواصل مع إدارتها.
a11y-email = البريد الإلكتروني
a11y-phone = الهاتف
a11y-address = العنوان
a11y-enforcement-heading = التسوية الودية
a11y-enforcement = إذا لم يصلك منا رد مُرضٍ بعد ستة أسابيع، فيمكنك طلب المساعدة من هيئة التسوية (Schlichtungsstelle) وفق المادة 16 من قانون BGG. التسوية مجانية، ولا حاجة فيها إلى محامٍ أو محامية.
a11y-enforcement-body = Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (هيئة التسوية وفق قانون المساواة للأشخاص ذوي الإعاقة، لدى مفوض الحكومة الاتحادية لشؤون الأشخاص ذوي الإعاقة)
a11y-enforcement-address = Mauerstraße 53, 10117 Berlin، الهاتف (Tel.) 030 18 527-2805، البريد الإلكتروني info@schlichtungsstelle-bgg.de، www.schlichtungsstelle-bgg.de

# Limits per network address and per workshop
rate-join = انضم عدد كبير جدًا من الأشخاص من هذه الشبكة للتو: الحد الأقصى { $max } في الدقيقة. يُرجى الانتظار { $seconds } ثانية.
rate-lookup = رموز كثيرة جدًا في وقت قصير: الحد الأقصى { $max } في الدقيقة. يُرجى الانتظار { $seconds } ثانية.
rate-submit = وصلت اقتراحات كثيرة جدًا من هذه الشبكة للتو: الحد الأقصى { $max } في الدقيقة. يُرجى الانتظار { $seconds } ثانية. نصك محفوظ.
rate-ballot = وصلت أصوات كثيرة جدًا من هذه الشبكة للتو: الحد الأقصى { $max } في الدقيقة. يُرجى الانتظار { $seconds } ثانية.
rate-survey = وصلت إجابات كثيرة جدًا من هذه الشبكة للتو: الحد الأقصى { $max } في الدقيقة. يُرجى الانتظار { $seconds } ثانية.
join-full = ورشة العمل هذه ممتلئة: الحد الأقصى { $max } مشاركًا. يُرجى التوجه إلى فريق الإشراف.
