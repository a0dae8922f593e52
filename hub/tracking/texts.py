"""Every word of the citizen's tracking page, one dict per language (French first, FALC).

A plain dict rather than Django's gettext catalogues: compiled `.mo` files would need
`msgfmt` on every machine that builds the hub, and this page has a few dozen short texts.
The languages are the registry's (offline_cache.languages): a language is added there and
here with the same keys and the same {fields} (tests check both). Dates are written by
Babel in the registry's locale, so no month name is written by hand.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_date
from django.utils import timezone

from offline_cache.languages import SOURCE_LANGUAGE
from offline_cache.languages import language as registry_language
from offline_cache.protocol import RequestState

FALLBACK = SOURCE_LANGUAGE

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "skip": "Aller au contenu",
        "page_title": "Suivi de votre demande",
        "brand": "Borne d'accès accompagné — suivi de votre demande",
        "heading": "Votre demande {reference}",
        "state_caption": "Où en est votre demande :",
        "state.new": "Reçue",
        "state.in_progress": "En cours",
        "state.waiting": "En attente de vous",
        "state.done": "Traitée",
        "state.refused": "Refusée",
        "explain.new": "Votre demande est bien arrivée. Un agent va bientôt s'en occuper.",
        "explain.in_progress": "Un agent s'occupe de votre demande.",
        "explain.waiting": "Le service attend quelque chose de vous. Lisez son message.",
        "explain.done": "Votre demande est traitée.",
        "explain.refused": "Votre demande ne peut pas être traitée. Le message dit pourquoi.",
        "service_caption": "Le service qui s'en occupe :",
        "changed_caption": "Dernières nouvelles :",
        "message_caption": "Message du service :",
        "no_message": "Pas de message pour le moment.",
        "help": "Une question ? Allez à l'accueil de votre mairie ou de votre espace "
                "France Services. Donnez votre numéro de demande.",
        "privacy": "Cette page ne montre aucune donnée personnelle.",
        "unknown_heading": "Nous ne trouvons pas cette demande",
        "unknown_body": "Le numéro ne correspond à aucune demande reçue. "
                        "Vérifiez le numéro écrit sur votre ticket.",
        "unknown_not_arrived": "Votre demande n'est peut-être pas encore arrivée : la borne "
                               "l'enverra dès que la connexion revient. Revenez plus tard.",
        "throttled_heading": "Trop d'essais",
        "throttled_body": "Trop d'essais depuis cet appareil. Attendez quelques minutes, "
                          "puis réessayez.",
        "today": "aujourd'hui à {time}",
        "yesterday": "hier à {time}",
        "on_date": "le {date} à {time}",
        "time": "{hour} h {minute:02d}",
    },
    "en": {
        "skip": "Skip to content",
        "page_title": "Follow your request",
        "brand": "Assisted-access kiosk — follow your request",
        "heading": "Your request {reference}",
        "state_caption": "Where your request is:",
        "state.new": "Received",
        "state.in_progress": "Being handled",
        "state.waiting": "Waiting for you",
        "state.done": "Done",
        "state.refused": "Refused",
        "explain.new": "Your request has arrived. Someone will handle it soon.",
        "explain.in_progress": "Someone is handling your request.",
        "explain.waiting": "The office is waiting for something from you. Read its message.",
        "explain.done": "Your request is done.",
        "explain.refused": "Your request cannot be handled. The message says why.",
        "service_caption": "The office that handles it:",
        "changed_caption": "Latest news:",
        "message_caption": "Message from the office:",
        "no_message": "No message yet.",
        "help": "A question? Go to the front desk of your town hall or France Services "
                "centre. Give your request number.",
        "privacy": "This page shows no personal data.",
        "unknown_heading": "We cannot find this request",
        "unknown_body": "The number matches no request we received. "
                        "Check the number on your ticket.",
        "unknown_not_arrived": "Your request may not have arrived yet: the kiosk will send it "
                               "as soon as the connection is back. Come back later.",
        "throttled_heading": "Too many tries",
        "throttled_body": "Too many tries from this device. Wait a few minutes, then try "
                          "again.",
        "today": "today at {time}",
        "yesterday": "yesterday at {time}",
        "on_date": "{date} at {time}",
        "time": "{hour}:{minute:02d}",
    },
    "ar": {
        "skip": "انتقل إلى المحتوى",
        "page_title": "متابعة طلبك",
        "brand": "جهاز الخدمة بالمرافقة — متابعة طلبك",
        "heading": "طلبك {reference}",
        "state_caption": "أين وصل طلبك:",
        "state.new": "تم الاستلام",
        "state.in_progress": "قيد المعالجة",
        "state.waiting": "في انتظارك",
        "state.done": "تمت المعالجة",
        "state.refused": "مرفوض",
        "explain.new": "وصل طلبك. سيهتم به موظف قريبًا.",
        "explain.in_progress": "موظف يهتم بطلبك.",
        "explain.waiting": "المصلحة تنتظر منك شيئًا. اقرأ رسالتها.",
        "explain.done": "تمت معالجة طلبك.",
        "explain.refused": "لا يمكن معالجة طلبك. الرسالة تشرح السبب.",
        "service_caption": "المصلحة التي تهتم به:",
        "changed_caption": "آخر الأخبار:",
        "message_caption": "رسالة المصلحة:",
        "no_message": "لا توجد رسالة حاليًا.",
        "help": "هل لديك سؤال؟ اذهب إلى مكتب الاستقبال في بلديتك أو في فضاء France Services. أعطِ "
                "رقم طلبك.",
        "privacy": "هذه الصفحة لا تعرض أي بيانات شخصية.",
        "unknown_heading": "لا نجد هذا الطلب",
        "unknown_body": "هذا الرقم لا يطابق أي طلب وصلنا. تحقق من الرقم المكتوب على تذكرتك.",
        "unknown_not_arrived": "ربما لم يصل طلبك بعد: سيرسله الجهاز عند عودة الاتصال. عد لاحقًا.",
        "throttled_heading": "محاولات كثيرة جدًا",
        "throttled_body": "محاولات كثيرة جدًا من هذا الجهاز. انتظر بضع دقائق، ثم حاول مرة أخرى.",
        "today": "اليوم على الساعة {time}",
        "yesterday": "أمس على الساعة {time}",
        "on_date": "{date} على الساعة {time}",
        "time": "{hour}:{minute:02d}",
    },
    "es": {
        "skip": "Ir al contenido",
        "page_title": "Seguimiento de su solicitud",
        "brand": "Terminal de acceso asistido — seguimiento de su solicitud",
        "heading": "Su solicitud {reference}",
        "state_caption": "Estado de su solicitud:",
        "state.new": "Recibida",
        "state.in_progress": "En curso",
        "state.waiting": "Esperando su respuesta",
        "state.done": "Tramitada",
        "state.refused": "Rechazada",
        "explain.new": "Su solicitud ha llegado. Un agente se ocupará de ella pronto.",
        "explain.in_progress": "Un agente se ocupa de su solicitud.",
        "explain.waiting": "El servicio espera algo de usted. Lea su mensaje.",
        "explain.done": "Su solicitud está tramitada.",
        "explain.refused": "Su solicitud no se puede tramitar. El mensaje dice por qué.",
        "service_caption": "El servicio que se ocupa:",
        "changed_caption": "Últimas noticias:",
        "message_caption": "Mensaje del servicio:",
        "no_message": "Por ahora no hay mensaje.",
        "help": "¿Tiene una pregunta? Vaya a la recepción de su ayuntamiento o de su espacio "
                "France Services. Dé su número de solicitud.",
        "privacy": "Esta página no muestra ningún dato personal.",
        "unknown_heading": "No encontramos esta solicitud",
        "unknown_body": "El número no corresponde a ninguna solicitud recibida. Compruebe el "
                        "número escrito en su ticket.",
        "unknown_not_arrived": "Quizás su solicitud aún no ha llegado: el terminal la enviará en "
                               "cuanto vuelva la conexión. Vuelva más tarde.",
        "throttled_heading": "Demasiados intentos",
        "throttled_body": "Demasiados intentos desde este aparato. Espere unos minutos y vuelva a "
                          "intentarlo.",
        "today": "hoy a las {time}",
        "yesterday": "ayer a las {time}",
        "on_date": "el {date} a las {time}",
        "time": "{hour}:{minute:02d}",
    },
    "pt": {
        "skip": "Ir para o conteúdo",
        "page_title": "Acompanhar o seu pedido",
        "brand": "Terminal de acesso acompanhado — acompanhar o seu pedido",
        "heading": "O seu pedido {reference}",
        "state_caption": "Onde está o seu pedido:",
        "state.new": "Recebido",
        "state.in_progress": "Em tratamento",
        "state.waiting": "À espera de si",
        "state.done": "Tratado",
        "state.refused": "Recusado",
        "explain.new": "O seu pedido chegou. Um funcionário vai tratar dele em breve.",
        "explain.in_progress": "Um funcionário está a tratar do seu pedido.",
        "explain.waiting": "O serviço espera algo de si. Leia a mensagem.",
        "explain.done": "O seu pedido está tratado.",
        "explain.refused": "O seu pedido não pode ser tratado. A mensagem diz porquê.",
        "service_caption": "O serviço que trata dele:",
        "changed_caption": "Últimas notícias:",
        "message_caption": "Mensagem do serviço:",
        "no_message": "Ainda não há mensagem.",
        "help": "Tem uma pergunta? Vá à receção da sua câmara municipal ou do seu espaço France "
                "Services. Dê o número do seu pedido.",
        "privacy": "Esta página não mostra nenhum dado pessoal.",
        "unknown_heading": "Não encontramos este pedido",
        "unknown_body": "O número não corresponde a nenhum pedido recebido. Verifique o número "
                        "escrito no seu talão.",
        "unknown_not_arrived": "Talvez o seu pedido ainda não tenha chegado: o terminal vai enviá-"
                               "lo assim que a ligação voltar. Volte mais tarde.",
        "throttled_heading": "Demasiadas tentativas",
        "throttled_body": "Demasiadas tentativas a partir deste aparelho. Espere alguns minutos e "
                          "tente de novo.",
        "today": "hoje às {time}",
        "yesterday": "ontem às {time}",
        "on_date": "{date} às {time}",
        "time": "{hour}:{minute:02d}",
    },
    "tr": {
        "skip": "İçeriğe geç",
        "page_title": "Başvurunuzun takibi",
        "brand": "Yardımlı erişim terminali — başvurunuzun takibi",
        "heading": "Başvurunuz {reference}",
        "state_caption": "Başvurunuzun durumu:",
        "state.new": "Alındı",
        "state.in_progress": "İşleniyor",
        "state.waiting": "Sizi bekliyor",
        "state.done": "Tamamlandı",
        "state.refused": "Reddedildi",
        "explain.new": "Başvurunuz bize ulaştı. Bir görevli yakında ilgilenecek.",
        "explain.in_progress": "Bir görevli başvurunuzla ilgileniyor.",
        "explain.waiting": "Birim sizden bir şey bekliyor. Mesajını okuyun.",
        "explain.done": "Başvurunuz tamamlandı.",
        "explain.refused": "Başvurunuz işlenemiyor. Mesajda nedeni yazıyor.",
        "service_caption": "İlgilenen birim:",
        "changed_caption": "Son haberler:",
        "message_caption": "Birimin mesajı:",
        "no_message": "Şimdilik mesaj yok.",
        "help": "Bir sorunuz mu var? Belediyenizin veya France Services merkezinin danışmasına "
                "gidin. Başvuru numaranızı verin.",
        "privacy": "Bu sayfa hiçbir kişisel veri göstermez.",
        "unknown_heading": "Bu başvuruyu bulamıyoruz",
        "unknown_body": "Bu numara aldığımız hiçbir başvuruya uymuyor. Fişinizdeki numarayı "
                        "kontrol edin.",
        "unknown_not_arrived": "Başvurunuz henüz ulaşmamış olabilir: terminal, bağlantı gelince "
                               "onu gönderecek. Daha sonra tekrar bakın.",
        "throttled_heading": "Çok fazla deneme",
        "throttled_body": "Bu cihazdan çok fazla deneme yapıldı. Birkaç dakika bekleyin, sonra "
                          "tekrar deneyin.",
        "today": "bugün {time}",
        "yesterday": "dün {time}",
        "on_date": "{date}, {time}",
        "time": "{hour}:{minute:02d}",
    },
    "ro": {
        "skip": "Salt la conținut",
        "page_title": "Urmărirea cererii dumneavoastră",
        "brand": "Terminal de acces asistat — urmărirea cererii dumneavoastră",
        "heading": "Cererea dumneavoastră {reference}",
        "state_caption": "Stadiul cererii dumneavoastră:",
        "state.new": "Primită",
        "state.in_progress": "În lucru",
        "state.waiting": "Vă așteaptă pe dumneavoastră",
        "state.done": "Rezolvată",
        "state.refused": "Refuzată",
        "explain.new": "Cererea dumneavoastră a ajuns. Un funcționar se va ocupa de ea în curând.",
        "explain.in_progress": "Un funcționar se ocupă de cererea dumneavoastră.",
        "explain.waiting": "Serviciul așteaptă ceva de la dumneavoastră. Citiți mesajul lui.",
        "explain.done": "Cererea dumneavoastră este rezolvată.",
        "explain.refused": "Cererea dumneavoastră nu poate fi rezolvată. Mesajul spune de ce.",
        "service_caption": "Serviciul care se ocupă:",
        "changed_caption": "Ultimele vești:",
        "message_caption": "Mesajul serviciului:",
        "no_message": "Deocamdată nu există niciun mesaj.",
        "help": "Aveți o întrebare? Mergeți la recepția primăriei sau a centrului France Services."
                " Dați numărul cererii.",
        "privacy": "Această pagină nu arată nicio dată personală.",
        "unknown_heading": "Nu găsim această cerere",
        "unknown_body": "Numărul nu corespunde niciunei cereri primite. Verificați numărul scris "
                        "pe bonul dumneavoastră.",
        "unknown_not_arrived": "Poate cererea dumneavoastră nu a ajuns încă: terminalul o va "
                               "trimite când revine conexiunea. Reveniți mai târziu.",
        "throttled_heading": "Prea multe încercări",
        "throttled_body": "Prea multe încercări de pe acest aparat. Așteptați câteva minute, apoi "
                          "încercați din nou.",
        "today": "azi la {time}",
        "yesterday": "ieri la {time}",
        "on_date": "{date} la {time}",
        "time": "{hour}:{minute:02d}",
    },
    "uk": {
        "skip": "Перейти до змісту",
        "page_title": "Стеження за вашою заявою",
        "brand": "Термінал супроводжуваного доступу — стеження за вашою заявою",
        "heading": "Ваша заява {reference}",
        "state_caption": "Стан вашої заяви:",
        "state.new": "Отримана",
        "state.in_progress": "Розглядається",
        "state.waiting": "Чекає на вас",
        "state.done": "Розглянута",
        "state.refused": "Відхилена",
        "explain.new": "Ваша заява надійшла. Працівник скоро нею займеться.",
        "explain.in_progress": "Працівник займається вашою заявою.",
        "explain.waiting": "Служба чекає чогось від вас. Прочитайте її повідомлення.",
        "explain.done": "Ваша заява розглянута.",
        "explain.refused": "Вашу заяву не можна розглянути. У повідомленні сказано чому.",
        "service_caption": "Служба, яка нею займається:",
        "changed_caption": "Останні новини:",
        "message_caption": "Повідомлення від служби:",
        "no_message": "Поки що повідомлень немає.",
        "help": "Є питання? Підійдіть на рецепцію вашої мерії або центру France Services. Назвіть "
                "номер своєї заяви.",
        "privacy": "Ця сторінка не показує жодних особистих даних.",
        "unknown_heading": "Ми не знаходимо цю заяву",
        "unknown_body": "Цей номер не відповідає жодній отриманій заяві. Перевірте номер на своєму"
                        " квитку.",
        "unknown_not_arrived": "Можливо, ваша заява ще не надійшла: термінал надішле її, щойно "
                               "повернеться зв'язок. Зайдіть пізніше.",
        "throttled_heading": "Забагато спроб",
        "throttled_body": "Забагато спроб з цього пристрою. Зачекайте кілька хвилин, потім "
                          "спробуйте ще раз.",
        "today": "сьогодні о {time}",
        "yesterday": "вчора о {time}",
        "on_date": "{date} о {time}",
        "time": "{hour}:{minute:02d}",
    },
    "fa": {
        "skip": "رفتن به محتوا",
        "page_title": "پیگیری درخواست شما",
        "brand": "دستگاه خدمات همراه — پیگیری درخواست شما",
        "heading": "درخواست شما {reference}",
        "state_caption": "وضعیت درخواست شما:",
        "state.new": "دریافت شد",
        "state.in_progress": "در حال بررسی",
        "state.waiting": "در انتظار شما",
        "state.done": "انجام شد",
        "state.refused": "رد شد",
        "explain.new": "درخواست شما رسید. یک کارمند به\u200cزودی به آن رسیدگی می\u200cکند.",
        "explain.in_progress": "یک کارمند به درخواست شما رسیدگی می\u200cکند.",
        "explain.waiting": "اداره منتظر چیزی از شماست. پیام آن را بخوانید.",
        "explain.done": "درخواست شما انجام شد.",
        "explain.refused": "درخواست شما قابل بررسی نیست. پیام دلیل آن را می\u200cگوید.",
        "service_caption": "اداره\u200cای که به آن رسیدگی می\u200cکند:",
        "changed_caption": "آخرین خبرها:",
        "message_caption": "پیام اداره:",
        "no_message": "فعلاً پیامی نیست.",
        "help": "سؤالی دارید؟ به پذیرش شهرداری یا مرکز France Services بروید. شماره درخواست خود را"
                " بدهید.",
        "privacy": "این صفحه هیچ داده شخصی نشان نمی\u200cدهد.",
        "unknown_heading": "این درخواست را پیدا نمی\u200cکنیم",
        "unknown_body": "این شماره با هیچ درخواستی که دریافت کرده\u200cایم جور نیست. شماره روی "
                        "برگه خود را بررسی کنید.",
        "unknown_not_arrived": "شاید درخواست شما هنوز نرسیده است: دستگاه آن را وقتی اتصال برگردد "
                               "می\u200cفرستد. بعداً دوباره بیایید.",
        "throttled_heading": "تلاش\u200cهای خیلی زیاد",
        "throttled_body": "از این دستگاه خیلی زیاد تلاش شده است. چند دقیقه صبر کنید، بعد دوباره "
                          "امتحان کنید.",
        "today": "امروز ساعت {time}",
        "yesterday": "دیروز ساعت {time}",
        "on_date": "{date} ساعت {time}",
        "time": "{hour}:{minute:02d}",
    },
}


def language(code: str | None) -> str:
    """A registry language: `code` ("en", "en-GB") when the page speaks it, else French."""
    short = (code or "").split("-")[0].lower()
    return short if short in TEXTS else FALLBACK


def text(key: str, lang: str, **fields: object) -> str:
    texts = TEXTS[language(lang)]
    return (texts.get(key) or TEXTS[FALLBACK][key]).format(**fields)


def state_label(state: RequestState, lang: str) -> str:
    return text(f"state.{state.value}", lang)


def state_explanation(state: RequestState, lang: str) -> str:
    return text(f"explain.{state.value}", lang)


def when(moment: datetime, lang: str, now: datetime | None = None) -> str:
    """"aujourd'hui à 10 h 12", "hier à 9 h 05", "le 3 mars 2026 à 14 h 30" (local time)."""
    local = timezone.localtime(moment)
    today = timezone.localtime(now).date() if now else timezone.localdate()
    clock = text("time", lang, hour=local.hour, minute=local.minute)
    days = (today - local.date()).days
    if days == 0:
        return text("today", lang, time=clock)
    if days == 1:
        return text("yesterday", lang, time=clock)
    day = format_date(local.date(), "long", locale=registry_language(language(lang)).locale)
    return text("on_date", lang, date=day, time=clock)


def right_to_left(lang: str) -> bool:
    """Arabic and Persian pages run right to left: `<html dir="rtl">`."""
    return registry_language(language(lang)).right_to_left
