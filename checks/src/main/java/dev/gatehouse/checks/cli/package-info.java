/**
 * The command-line checker ({@link dev.gatehouse.checks.cli.CheckCommand}), packaged as
 * {@code gatehouse-checks-<version>-cli.jar}: OpenAPI documents, CloudFormation templates and
 * cloud assemblies checked without writing any code.
 */
package dev.gatehouse.checks.cli;
