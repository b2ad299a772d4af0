/**
 * Runs code blocks in a Docker container, the counterpart of
 * {@code autogen_ext.code_executors.docker}. Start at
 * {@link dev.autogen.ext.code_executors.docker.DockerCommandLineCodeExecutor}.
 *
 * <p>The executor talks to the Docker Engine API through docker-java (Apache HttpClient 5
 * transport): unix sockets, named pipes and TCP/TLS hosts, configured like the {@code docker} CLI
 * ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, docker contexts).
 */
@NullMarked
package dev.autogen.ext.code_executors.docker;

import org.jspecify.annotations.NullMarked;
