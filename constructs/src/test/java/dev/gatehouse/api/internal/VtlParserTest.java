package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Mapping templates parse as Velocity does, with the position and reason of the first error. */
class VtlParserTest {

    @Test
    void templatesOfAwsDocumentationParse() {
        // Given templates in the forms AWS documents: $input, $util, $context, #set, #foreach, #if, index access
        for (String template : new String[] {
                "#set($inputRoot = $input.path('$'))\n[\n#foreach($elem in $inputRoot)\n  {\"id\": $elem.id}#if($foreach.hasNext),#end\n#end\n]",
                "{\"body\": $input.json('$'), \"user\": \"$context.authorizer.claims['cognito:username']\"}",
                "Action=SendMessage&MessageBody=$util.urlEncode($input.body)",
                "#if($input.params('debug') == 'true')\n{\"debug\": true}\n#elseif($input.params('x') != '')\n{}\n#{else}\n[]\n#end",
                "## a comment\n#* a block comment *#\n{\"requestId\": \"$context.requestId\", \"ip\": \"$!{context.identity.sourceIp}\"}",
                "#set($context.responseOverride.header.Access-Control-Allow-Origin = $input.params('Origin'))",
                "#set($context.responseOverride.status = 404)",
                "{\"statusCode\": 200}", "", "plain text without VTL" }) {
            // Then each parses
            assertNull(VtlParser.parse(template), template);
        }
    }

    @Test
    void unclosedDirectiveIsReportedWhereTheTemplateEnds() {
        VtlParser.SyntaxError error = VtlParser.parse("{\n#foreach($a in $input.path('$.items'))\n  \"$a\"\n}");
        assertEquals(new VtlParser.SyntaxError(4, 2, "the template ends inside a directive (an #if, #foreach, #macro "
                + "or #define without #end, or an unclosed string or parenthesis)"), error);
    }

    @Test
    void unexpectedTokenIsReportedAtItsLineAndColumn() {
        assertEquals(new VtlParser.SyntaxError(2, 11, "Encountered \")\""), VtlParser.parse("{}\n#set($x = )"));
        assertEquals(new VtlParser.SyntaxError(1, 1, "Encountered \"#end\""), VtlParser.parse("#end"));
    }
}
