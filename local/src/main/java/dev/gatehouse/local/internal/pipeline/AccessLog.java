package dev.gatehouse.local.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access log lines in the stage's format ({@code AccessLogSetting.Format}), with each
 * {@code $context} variable filled in ("-" when it has no value, as API Gateway writes)
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html).
 */
public final class AccessLog {
    private static final Pattern VARIABLE = Pattern.compile("\\$context\\.([A-Za-z0-9_.]*[A-Za-z0-9_])");

    private final String format;
    private final Consumer<String> sink;
    /** The format split once: literal text at even indexes, variable names at odd ones. */
    private final List<String> parts = new ArrayList<>();

    /**
     * @param format the stage's format, or null for no access log
     */
    public AccessLog(String format, Consumer<String> sink) {
        this.format = format;
        this.sink = sink;
        if (format != null) {
            Matcher m = VARIABLE.matcher(format);
            int at = 0;
            while (m.find()) {
                parts.add(format.substring(at, m.start()));
                parts.add(m.group(1));
                at = m.end();
            }
            parts.add(format.substring(at));
        }
    }

    public void write(Exchange exchange) {
        if (format != null) {
            sink.accept(line(exchange));
        }
    }

    String line(Exchange exchange) {
        StringBuilder out = new StringBuilder(format.length() + 256);
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
                continue;
            }
            String value = exchange.contextValue(parts.get(i));
            out.append(value != null ? value : parts.get(i).equals("error.messageString") ? "\"-\"" : "-");
        }
        return out.toString();
    }
}
