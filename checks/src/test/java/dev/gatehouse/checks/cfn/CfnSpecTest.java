package dev.gatehouse.checks.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CfnSpecTest {
    private final CfnSpec spec = CfnSpec.shared();

    @Test
    void theDatabaseComesFromTheClasspathInTheVersionPinnedInPackageJson() throws IOException {
        // Given the version the repository pins
        Path root = Path.of(System.getProperty("gatehouse.root", ".."));
        String pinned = new ObjectMapper().readTree(root.resolve("package.json").toFile())
                .at("/devDependencies/@aws-cdk~1aws-service-spec").asText();

        // When the shared database is read, Then it is the copy on the classpath (what the jar carries), in that version
        assertEquals(CfnSpec.class.getResource(CfnSpecLocator.BUNDLED), spec.source());
        assertEquals(pinned, spec.version());
        assertTrue(spec.resourceTypeNames().size() > 1500, spec.describe());
        // and its license travels with it
        assertTrue(CfnSpec.class.getResource("aws-service-spec/LICENSE") != null, "the database's license is bundled");
    }

    @Test
    void anExplicitFileWinsAndAMissingOneIsAClearError() {
        // Given -Dgatehouse.cfnSpec naming a file that does not exist
        String previous = System.getProperty(CfnSpecLocator.FILE_PROPERTY);
        System.setProperty(CfnSpecLocator.FILE_PROPERTY, "/nonexistent/db.json.gz");
        try {
            // When the database is located, Then the error names the property and the fix
            IllegalStateException e = assertThrows(IllegalStateException.class, CfnSpecLocator::locate);
            assertEquals("-Dgatehouse.cfnSpec=/nonexistent/db.json.gz names no file. Point it at @aws-cdk/aws-service-spec's "
                    + "db.json.gz, or leave it unset to use the copy inside gatehouse-checks.", e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(CfnSpecLocator.FILE_PROPERTY);
            } else {
                System.setProperty(CfnSpecLocator.FILE_PROPERTY, previous);
            }
        }
    }

    @Test
    void resourcesCarryRequiredPropertiesAttributesAndIdentifiers() {
        ResourceType function = spec.resourceType("AWS::Lambda::Function").orElseThrow();
        assertEquals(Set.of("Code", "Role"), function.requiredProperties());
        assertTrue(function.attributes().contains("Arn"));
        assertFalse(function.refIsArn(), "Ref of a function is its name");
        assertEquals("arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}", function.arnTemplate());
        assertTrue(spec.resourceType("AWS::Lambda::Version").orElseThrow().refIsArn(), "Ref of a version is its ARN");
        assertTrue(spec.resourceType("AWS::Lambda::Functoin").isEmpty());
    }

    @Test
    void typeDefinitionsAndAllowedValuesAreLinked() {
        ResourceType stage = spec.resourceType("AWS::ApiGateway::Stage").orElseThrow();
        PropertyType.ArrayType settings = (PropertyType.ArrayType) stage.properties().get("MethodSettings").type();
        PropertyType.StructType setting = (PropertyType.StructType) settings.element();
        assertEquals("MethodSetting", setting.definition().name());
        assertTrue(setting.definition().properties().containsKey("LoggingLevel"));

        PropertyType.Primitive retention = (PropertyType.Primitive) spec.resourceType("AWS::Logs::LogGroup").orElseThrow()
                .properties().get("RetentionInDays").type();
        assertTrue(retention.allowedIntegers().containsAll(List.of(1L, 90L, 365L, 3653L)));
        assertFalse(retention.allowedIntegers().contains(42L));
    }
}
