/**
 * Private, loopback, link-local, CGNAT, multicast, unspecified, unique-local, mapped and metadata targets, also
 * inside IPv6 that carries IPv4: IPv4-compatible (::/96), NAT64, 6to4 and Teredo (server or client).
 */
export const REFUSED_URLS = [
  'https://127.0.0.1/', 'https://127.1/', 'https://2130706433/', 'https://0x7f000001/', 'https://0x7f.0.0.1/',
  'https://0177.0.0.1/', 'https://017700000001/', 'https://127.000.000.001/', 'https://0/', 'https://0.0.0.0/',
  'https://10.0.0.1/', 'https://10.255.255.255/', 'https://012.0.0.1/', 'https://167772161/', 'https://0xa000001/',
  'https://172.16.0.1/', 'https://172.31.255.254/', 'https://192.168.1.1/', 'https://0xc0.0xa8.1.1/', 'https://3232235777/',
  'https://169.254.169.254/', 'https://169.254.169.254/latest/meta-data/', 'https://0xa9fea9fe/', 'https://2852039166/',
  'https://0251.0376.0251.0376/', 'https://100.64.0.1/', 'https://100.100.100.200/', 'https://224.0.0.1/',
  'https://239.255.255.250/', 'https://255.255.255.255/', 'https://[::1]/', 'https://[0:0:0:0:0:0:0:1]/', 'https://[::]/',
  'https://[::ffff:127.0.0.1]/', 'https://[::ffff:7f00:1]/', 'https://[::ffff:10.0.0.1]/', 'https://[::ffff:169.254.169.254]/',
  'https://[fc00::1]/', 'https://[fd00:ec2::254]/', 'https://[fe80::1]/', 'https://[ff02::1]/', 'https://localhost/',
  'https://LOCALHOST./', 'https://api.localhost/', 'https://198.18.0.1/', 'https://192.0.2.1/', 'https://240.0.0.1/',
  'https://[::127.0.0.1]/', 'https://[::7f00:1]/', 'https://[::a9fe:a9fe]/', 'https://[::10.0.0.1]/', 'https://[::5db8:d70e]/',
  'https://[64:ff9b::127.0.0.1]/', 'https://[64:ff9b::a9fe:a9fe]/', 'https://[64:ff9b:1::a00:1]/', 'https://[2002:7f00:1::1]/',
  'https://[2002:a9fe:a9fe::]/', 'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', 'https://[2001:0:a00:1::a247:28f1]/',
];
