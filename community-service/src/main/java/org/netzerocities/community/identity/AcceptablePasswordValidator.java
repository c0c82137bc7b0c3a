package org.netzerocities.community.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class AcceptablePasswordValidator implements ConstraintValidator<AcceptablePassword, String> {

    static final int MIN_LENGTH = 10;
    private static final String COMMON_PASSWORDS = "identity/common-passwords.txt";
    private static final Set<String> COMMON = load();

    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
        if (password == null) {
            return true;
        }
        String problem = problem(password);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    private static String problem(String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (!PasswordHashing.fitsBcrypt(password)) {
            return "must be at most " + PasswordHashing.MAX_BYTES
                    + " bytes in UTF-8 (as many plain letters and digits, fewer accented letters or emoji)";
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return "is one of the most common passwords; choose one that is harder to guess";
        }
        return null;
    }

    private static Set<String> load() {
        var resource = new ClassPathResource(COMMON_PASSWORDS);
        try (var lines = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            return lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + COMMON_PASSWORDS, ex);
        }
    }
}
