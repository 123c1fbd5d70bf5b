package org.smartproperty.platform.rest.internal;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the API: ISO-8601 times, no nulls, unknown fields rejected, and no
 * text longer than {@link #MAX_TEXT} characters (issue 20 item 7: every text input has a limit
 * before any query; domains validate their own, shorter limits on top).
 */
public final class ObjectMappers {

    /** The longest JSON string any request field may carry; the longest domain text (descriptions) is far below. */
    public static final int MAX_TEXT = 20_000;

    /** A request string over {@link #MAX_TEXT}: rendered as a {@code field.tooLong} error of its field. */
    static final class TextTooLong extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        TextTooLong(JsonParser p) {
            super(p, "text longer than " + MAX_TEXT);
        }
    }

    private static final class BoundedString extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        BoundedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && s.length() > MAX_TEXT) {
                throw new TextTooLong(p);
            }
            return s;
        }
    }

    private ObjectMappers() {
    }

    public static ObjectMapper create() {
        ObjectMapper m = new ObjectMapper();
        m.registerModule(new JavaTimeModule());
        m.registerModule(new SimpleModule("spm-bounded-text").addDeserializer(String.class, new BoundedString()));
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        m.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return m;
    }
}
