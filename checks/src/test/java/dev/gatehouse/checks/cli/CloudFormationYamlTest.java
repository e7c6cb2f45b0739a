package dev.gatehouse.checks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CloudFormationYamlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shortFormsBecomeTheLongFormsCloudFormationReads() throws IOException {
        // Given YAML with the short forms of intrinsic functions, nested, and a tag that is no function
        String yaml = """
                Role: !GetAtt InvokeRole.Arn
                Api: !Ref MyAPI
                Uri: !Sub 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations'
                Name: !Join [ '-', [ !Ref AWS::StackName, api ] ]
                Size: !If [ IsProd, 10, 1 ]
                Other: !Custom value
                Plain: 42
                """;

        // When read
        JsonNode node = CloudFormationYaml.read(yaml);

        // Then each is the long form, and the rest is plain YAML
        assertEquals(JSON.readTree("""
                {"Role": {"Fn::GetAtt": ["InvokeRole", "Arn"]}, "Api": {"Ref": "MyAPI"},
                 "Uri": {"Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"},
                 "Name": {"Fn::Join": ["-", [{"Ref": "AWS::StackName"}, "api"]]},
                 "Size": {"Fn::If": ["IsProd", 10, 1]}, "Other": "value", "Plain": 42}"""), node);
    }
}
