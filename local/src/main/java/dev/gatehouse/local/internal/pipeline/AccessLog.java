package dev.gatehouse.local.internal.pipeline;

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

    /**
     * @param format the stage's format, or null for no access log
     */
    public AccessLog(String format, Consumer<String> sink) {
        this.format = format;
        this.sink = sink;
    }

    public void write(Exchange exchange) {
        if (format != null) {
            sink.accept(line(exchange));
        }
    }

    String line(Exchange exchange) {
        Matcher m = VARIABLE.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = exchange.contextValue(name);
            if (value == null) {
                value = name.equals("error.messageString") ? "\"-\"" : "-";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
