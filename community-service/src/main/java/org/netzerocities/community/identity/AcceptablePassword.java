package org.netzerocities.community.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A password a member may choose: at least {@value AcceptablePasswordValidator#MIN_LENGTH} characters, at
 * most {@value PasswordHashing#MAX_BYTES} bytes in UTF-8 (all that BCrypt reads), and not one of the common
 * passwords bundled with the service, whatever its case. {@code null} is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = AcceptablePasswordValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptablePassword {

    String message() default "is not an acceptable password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
