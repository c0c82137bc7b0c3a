package org.netzerocities.notification.email;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.EmailRequest.DigestEntry;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.message.NotificationTexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders emails with Thymeleaf: an HTML and a plain-text part per email, from {@code templates/email/html/<name>.html}
 * and {@code templates/email/text/<name>.txt}, which share a layout (greeting, why the member gets it, unsubscribe,
 * footer). A kind renders with its own template when there is one ({@code digest}, lower-case kind name), else the
 * generic {@code notification}. Every text comes from {@link NotificationTexts} in the member's language with English
 * as the fallback, and every value is escaped by the templates ({@code th:text}); links are absolute.
 */
@Component
class EmailTemplates {

    record RenderedEmail(String subject, String text, String html) {
    }

    /** One notification listed in a digest email. */
    record DigestItem(String title, String body, String link) {
    }

    /** The account-security emails, with their texts under {@code email.account.<name>.*}. */
    enum AccountEmail {
        EMAIL_VERIFICATION, PASSWORD_RESET, EMAIL_CHANGE, EMAIL_CHANGED, PASSWORD_CHANGED
    }

    private static final String PREFERENCES_PATH = "/settings/notifications";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final NotificationTexts texts;
    private final String portalBaseUrl;
    private final Map<String, String> templateOfKind = new ConcurrentHashMap<>();

    EmailTemplates(NotificationTexts texts, @Value("${nzc.notifications.portal-base-url}") String portalBaseUrl) {
        this.texts = texts;
        this.portalBaseUrl = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1)
                : portalBaseUrl;
        engine.addTemplateResolver(resolver("html/*", ".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("text/*", ".txt", TemplateMode.TEXT, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, String suffix, TemplateMode mode, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/email/");
        resolver.setSuffix(suffix);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** A notification or digest email; {@code unsubscribeUrl} is null for critical kinds. */
    RenderedEmail notification(EmailRequest request, MemberContact contact, String unsubscribeUrl) {
        String language = contact.language();
        NotificationTexts.Text text = texts.render(request.kind(), request.params(), language);
        Map<String, Object> model = chrome(language, contact.displayName(), text.title());
        model.put("title", text.title());
        model.put("body", text.body());
        model.put("link", absolute(request.link()));
        model.put("action", texts.text("email.action", Map.of(), language));
        String category = texts.text("email.category." + request.kind().category().name(), Map.of(), language);
        model.put("why", request.kind().critical() ? texts.text("email.why.critical", Map.of(), language)
                : texts.text("email.why", Map.of("category", category), language));
        model.put("unsubscribeUrl", unsubscribeUrl);
        model.put("unsubscribeText", texts.text("email.unsubscribe", Map.of("category", category), language));
        model.put("digestHeading", texts.text("email.digest.heading", Map.of(), language));
        model.put("entries", request.entries().stream()
                .sorted(Comparator.comparing(DigestEntry::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(entry -> new DigestItem(entry.title(), entry.body(), absolute(entry.link())))
                .toList());
        return render(templateOf(request.kind()), model, text.title());
    }

    /** An account-security email: always sent, never with an unsubscribe link; {@code params} fill its texts. */
    RenderedEmail account(AccountEmail email, String language, String displayName, String link,
            Map<String, String> params) {
        String prefix = "email.account." + email.name() + ".";
        String title = texts.text(prefix + "title", params, language);
        Map<String, Object> model = chrome(language, displayName, title);
        model.put("title", title);
        model.put("body", texts.text(prefix + "body", params, language));
        model.put("link", link);
        model.put("action", link == null ? null : texts.text(prefix + "action", params, language));
        model.put("expires", params.containsKey("expiresAt") ? texts.text("email.account.expires", params, language)
                : null);
        model.put("notYou", link == null ? null : texts.text("email.account.notYou", params, language));
        model.put("why", texts.text("email.why.critical", Map.of(), language));
        model.put("unsubscribeUrl", null);
        return render("account", model, title);
    }

    private Map<String, Object> chrome(String language, String displayName, String subject) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", texts.translatedInto(language) ? language.strip().toLowerCase(Locale.ROOT) : "en");
        model.put("subject", subject);
        model.put("greeting", displayName == null || displayName.isBlank()
                ? texts.text("email.greeting.anonymous", Map.of(), language)
                : texts.text("email.greeting", Map.of("name", displayName), language));
        model.put("preferencesUrl", portalBaseUrl + PREFERENCES_PATH);
        model.put("preferencesText", texts.text("email.preferences", Map.of(), language));
        model.put("footer", texts.text("email.footer", Map.of(), language));
        return model;
    }

    private RenderedEmail render(String template, Map<String, Object> model, String subject) {
        Context context = new Context(Locale.ROOT, model);
        return new RenderedEmail(subject, engine.process("text/" + template, context),
                engine.process("html/" + template, context));
    }

    /** The kind's own template if it has one, else the generic one. */
    private String templateOf(Kind kind) {
        return templateOfKind.computeIfAbsent(kind.name(), name -> {
            String own = name.toLowerCase(Locale.ROOT);
            return getClass().getClassLoader().getResource("templates/email/html/" + own + ".html") != null ? own
                    : "notification";
        });
    }

    /** A portal path made absolute; anything else (another site, a protocol-relative URL) is dropped. */
    String absolute(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return null;
        }
        return portalBaseUrl + path;
    }

    String unsubscribeUrl(String token) {
        return portalBaseUrl + UnsubscribeController.PATH + "?token=" + token;
    }
}
