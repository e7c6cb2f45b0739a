/**
 * Offline deploy checks for synthesized CloudFormation templates and OpenAPI documents: what
 * CloudFormation and API Gateway would reject, found before a deployment.
 *
 * <ul>
 *   <li>{@link dev.gatehouse.checks.cfn.TemplateSchemaCheck}: the CloudFormation resource schema;</li>
 *   <li>{@link dev.gatehouse.checks.openapi.OpenApiCheck}: OpenAPI 3.0 and Swagger 2.0 validity and
 *       API Gateway's import rules;</li>
 *   <li>{@link dev.gatehouse.checks.posture.ApiPostureCheck}: Gatehouse's posture rules;</li>
 *   <li>{@link dev.gatehouse.checks.DeployChecks}: all of them in one call;</li>
 *   <li>{@link dev.gatehouse.checks.CloudAssembly}: a {@code cdk.out} directory, its stacks, and
 *       the RestApi documents it keeps as S3 assets ({@link dev.gatehouse.checks.RestApiDocuments});</li>
 *   <li>{@link dev.gatehouse.checks.cli.CheckCommand}: the command-line checker.</li>
 * </ul>
 */
package dev.gatehouse.checks;
