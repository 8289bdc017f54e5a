package io.callisto.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.callisto.core.error.CallistoException;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI per error code; {@code code} repeats the
 * code for clients that prefer a short string; {@code errors} lists invalid fields.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      List<CallistoException.FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://callisto.dev/problems/";

    public static Problem of(int status, String code, String title, String detail, String instance,
                             List<CallistoException.FieldError> errors) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, instance, errors);
    }
}
