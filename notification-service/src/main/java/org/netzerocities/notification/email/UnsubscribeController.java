package org.netzerocities.notification.email;

import java.util.Map;

import org.netzerocities.notification.preference.EmailUnsubscribe;
import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * One-click unsubscribe (RFC 8058), without logging in: the signed token names the member and the category. Mail
 * clients POST {@code List-Unsubscribe=One-Click} as a form to the link of the {@code List-Unsubscribe} header
 * (token in the query); the portal's unsubscribe page posts {@code {"token": ...}} as JSON.
 */
@RestController
class UnsubscribeController {

    static final String PATH = "/api/notifications/unsubscribe";

    record UnsubscribeRequest(String token) {
    }

    record Unsubscribed(String category) {
    }

    private final UnsubscribeTokens tokens;
    private final EmailUnsubscribe unsubscribe;

    UnsubscribeController(UnsubscribeTokens tokens, EmailUnsubscribe unsubscribe) {
        this.tokens = tokens;
        this.unsubscribe = unsubscribe;
    }

    @Operation(summary = "Stop emails of the token's category for its member (the portal's unsubscribe page)")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    Unsubscribed unsubscribe(@RequestBody UnsubscribeRequest request) {
        if (request == null) {
            throw ApiProblem.invalid("token", "required");
        }
        return apply(request.token());
    }

    @Operation(summary = "RFC 8058 one-click unsubscribe, as mail clients post it from the List-Unsubscribe header")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Unsubscribed oneClick(@RequestParam Map<String, String> form) {
        if (!"One-Click".equals(form.get("List-Unsubscribe"))) {
            throw ApiProblem.invalid("List-Unsubscribe", "must be One-Click");
        }
        return apply(form.get("token"));
    }

    private Unsubscribed apply(String token) {
        UnsubscribeTokens.Unsubscription unsubscription;
        try {
            unsubscription = tokens.verify(token);
        }
        catch (UnsubscribeTokens.RefusedToken refused) {
            throw refused.refusal == UnsubscribeTokens.Refusal.EXPIRED
                    ? new ApiProblem(HttpStatus.GONE, "unsubscribe-link-expired", "Unsubscribe link expired",
                            "This unsubscribe link has expired; change your notification settings in the portal")
                    : ApiProblem.invalid("token", "not a valid unsubscribe token");
        }
        unsubscribe.unsubscribe(unsubscription.memberId(), unsubscription.category());
        return new Unsubscribed(unsubscription.category().name());
    }
}
