package org.smartproperty.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;

/**
 * JSON for the API with Jackson. Unreadable bodies never become a 500: syntax errors, unknown
 * fields and wrong types are 400 problems naming the field.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(Api.JSON_EXTENSION)
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsMediaType({MediaType.APPLICATION_JSON, Api.PROBLEM_JSON})
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Produces({MediaType.APPLICATION_JSON, Api.PROBLEM_JSON, "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    private final ObjectMapper mapper = ObjectMappers.create();

    private static boolean json(MediaType mt) {
        return mt == null || mt.getSubtype().equals("json") || mt.getSubtype().endsWith("+json");
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return json(mediaType) && type != String.class && type != InputStream.class && type != byte[].class;
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new ApiException(400, "problem.malformedJson", Messages.PLATFORM, null, "empty body");
        }
        try {
            return mapper.readValue(body, mapper.constructType(genericType));
        } catch (ObjectMappers.TextTooLong e) {
            throw ApiException.invalid(List.of(FieldError.of(Messages.PLATFORM, path(e), "field.tooLong", ObjectMappers.MAX_TEXT)));
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid(List.of(FieldError.of(Messages.PLATFORM, path(e), "field.unknown")));
        } catch (InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            if (target != null && target.isEnum()) {
                throw ApiException.invalid(List.of(FieldError.of(Messages.PLATFORM, path(e), "field.enum",
                        String.join(", ", Arrays.stream(target.getEnumConstants()).map(String::valueOf).toList()))));
            }
            throw ApiException.invalid(List.of(FieldError.of(Messages.PLATFORM, path(e), "field.type", typeName(target))));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                // the body as a whole has the wrong shape; say which JSON type was expected, never a Java class (issue 20 item 6)
                throw new ApiException(400, "problem.malformedJson", Messages.PLATFORM, null,
                        Messages.PLATFORM.text(switch (typeName(e.getTargetType())) {
                            case "object" -> "problem.bodyShape.object";
                            case "array" -> "problem.bodyShape.array";
                            default -> "problem.bodyShape.value";
                        }));
            }
            throw ApiException.invalid(List.of(FieldError.of(Messages.PLATFORM, path(e), "field.type", typeName(e.getTargetType()))));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid(List.of(FieldError.of(Messages.PLATFORM, path(e), "field.type", "?")));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ApiException(400, "problem.malformedJson", Messages.PLATFORM, null, withoutJavaNames(e.getOriginalMessage()) + where);
        }
    }

    /** Jackson names Java types in back-quotes ({@code `org.x.LoginInput`}); the API never shows them. */
    static String withoutJavaNames(String message) {
        return message == null ? "" : message.replaceAll("`[^`]*`", "value").replaceAll("\\b(java|javax|com|org)\\.[\\w.$]+", "value");
    }

    static String typeName(Class<?> t) {
        if (t == null) {
            return "?";
        }
        if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class)) {
            return "number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "boolean";
        }
        if (t == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "array";
        }
        if (t.getName().startsWith("java.time")) {
            return "ISO-8601 " + t.getSimpleName();
        }
        return "object";
    }

    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        List<JsonMappingException.Reference> refs = new ArrayList<>(e.getPath());
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return json(mediaType) && type != String.class && !InputStream.class.isAssignableFrom(type) && type != byte[].class;
    }

    @Override
    public void writeTo(Object o, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        mapper.writeValue(entityStream, o);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
