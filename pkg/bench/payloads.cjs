// The payloads the benchmarks check: a typical valid body and a typical broken one.
'use strict';
module.exports = {
  valid: JSON.stringify({
    provider: 'AWS', vendor: 'CONFLUENT', region: 'us-east-1',
    serviceEndpointId: 'com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9',
    dnsDomain: 'sample.us-east-1.aws.confluent.cloud',
    dnsSubDomain: ['use1-az1.sample.us-east-1.aws.confluent.cloud', 'use1-az2.sample.us-east-1.aws.confluent.cloud'],
  }, null, 2),
  broken: `{
  "provider": "aws",
  "vendor": "CONFLUENT",
  "region": "us_east_1",
  "serviceEndpointId": "vpce-0a1b2c3d4e5f67890",
  "dnsDomain": "https://sample.us-east-1.aws.confluent.cloud:9092",
  "dnsSubDomain": ["use1-az1"]
}`,
};
