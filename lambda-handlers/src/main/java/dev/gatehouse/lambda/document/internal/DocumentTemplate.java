package dev.gatehouse.lambda.document.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The document as Gatehouse synthesizes it for S3: JSON text in which every deploy-time value is a
 * placeholder written as {@code Fn::Sub} writes a variable, <code>${Name}</code>. Names are a
 * resource's logical id and attribute ({@code OrdersA9B65338.Arn}), a pseudo parameter
 * ({@code AWS::Region}), or a Gatehouse variable ({@code GatehouseValue0}, a value from another
 * stack; {@code GatehouseDollarBrace}, a literal <code>${</code>). Every <code>${</code> in the text
 * is a placeholder, and placeholders stand only inside JSON strings.
 */
public final class DocumentTemplate {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:]+");
    private static final JsonFactory JSON = new JsonFactory();

    private DocumentTemplate() {
    }

    /**
     * The document with each placeholder replaced by its value, escaped for a JSON string.
     *
     * @throws DocumentException for a placeholder without a value or that is not closed
     */
    public static String fill(String template, Map<String, String> values) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        StringBuilder out = new StringBuilder(template.length() + 1024);
        int last = 0;
        for (int at = template.indexOf("${"); at >= 0; at = template.indexOf("${", last)) {
            int end = template.indexOf('}', at + 2);
            String name = end < 0 ? "" : template.substring(at + 2, end);
            if (!NAME.matcher(name).matches()) {
                throw new DocumentException("the document has a malformed placeholder at character " + at + " ("
                        + preview(template, at) + "); it was not written by Gatehouse, or was changed after.");
            }
            String value = values.get(name);
            if (value == null) {
                throw new DocumentException("the document names ${" + name + "}, but the resource's Values have "
                        + "no value for it; synthesize the stack again so that the asset and the resource match.");
            }
            out.append(template, last, at);
            encoder.quoteAsString(value, out);
            last = end + 1;
        }
        return out.append(template, last, template.length()).toString();
    }

    /**
     * Throws unless {@code document} is one JSON object and nothing after it.
     *
     * @throws DocumentException naming where the text stops being JSON
     */
    public static void requireJsonObject(String document) {
        try (JsonParser parser = JSON.createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DocumentException("the filled document is not a JSON object.");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new DocumentException("the filled document has text after its JSON object.");
            }
        } catch (JsonParseException e) {
            throw new DocumentException("the filled document is not valid JSON: " + e.getOriginalMessage()
                    + " at character " + e.getLocation().getCharOffset() + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the filled document", e);
        }
    }

    private static String preview(String text, int at) {
        return text.substring(at, Math.min(text.length(), at + 40)).replace('\n', ' ');
    }
}
