/**
 * Imported first by the benchmark: the AWS SDK warns once per process that its 2027 releases need Node 22
 * (the project pins the SDK; see README). AWS documents this variable as the switch for exactly that notice.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
