#!/usr/bin/env python3
"""Builds src/main/resources/demo/initiatives.csv: every initiative of ../shared/demo/FACTS.md, adding
up exactly to its figures. Where a report gives only totals, names, communes and owners are made
up (organisations, never people). Deterministic: run it again and the file is the same.
Columns: key,name,kind,holder,sector,unitKey,organisationKey,startYear,featured,targetGroups,
pilotKey,description,registrations,indicators  (registrations "2020:NEW|2021:MAINTAINED";
indicators "name:unit:year:value|...")."""
import csv, sys, random

rnd = random.Random(2026)
rows = []
def add(key, name, kind, holder, sector, unit, org, start, regs, featured=False, groups='', pilot='', desc='', indicators=''):
    rows.append([key, name, kind, holder, sector, unit, org, start, 'true' if featured else 'false', groups, pilot, desc,
                 '|'.join('%d:%s' % r for r in regs), indicators])

# ---- 1. Đam Rông 2021: 47 = 37 new + 10 maintained; 17 economy, 25 culture-society, 2 defence-security,
# 3 political system; 23 featured (5 + 8 + 5 + 5); all recognised later by the district standing committee.
DR = {'24853': 'Đạ Tông', '24856': 'Đạ Long', '24859': "Đạ M'Rông", '24874': 'Liêng Srônh', '24875': 'Đạ Rsal',
      '24877': 'Rô Men', '24886': 'Phi Liêng', '24889': "Đạ K'Nàng"}
communes = list(DR)
def dr_regs(maintained, start):
    return [(start, 'NEW'), (2021, 'MAINTAINED')] if maintained else [(2021, 'NEW')]
n = 0
def drk():
    global n
    n += 1
    return 'dr%02d' % n
maintained_left = 10
def take_maintained(flag):
    global maintained_left
    if flag and maintained_left > 0:
        maintained_left -= 1
        return True
    return False
# Economy 17
add(drk(), 'Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm', 'MODEL', 'COLLECTIVE', 'ECONOMY', 'v1', 'htx-rau-phi-lieng', 2021,
    dr_regs(False, 2021), groups='ETHNIC_MINORITY',
    desc='Vận động hộ dân góp đất, góp vốn trồng rau trong nhà lưới, liên kết tiêu thụ sản phẩm.',
    indicators='Hộ tham gia:hộ:2021:32|Diện tích nhà lưới:ha:2021:6.5')
add(drk(), 'Hợp tác xã trồng rau công nghệ cao thôn Đồng Tâm', 'MODEL', 'COLLECTIVE', 'ECONOMY', 'v2', 'htx-rau-phi-lieng', 2021,
    dr_regs(False, 2021), groups='ETHNIC_MINORITY',
    desc='Nhân rộng cách làm của thôn Trung Tâm: trồng rau công nghệ cao, bao tiêu đầu ra qua hợp tác xã.',
    indicators='Hộ tham gia:hộ:2021:21|Diện tích nhà lưới:ha:2021:4')
silk = [('v3', 'tht-dau-tam-liengkrac1', 'Tổ hợp tác trồng dâu nuôi tằm thôn Liêng Krắc 1')] + \
       [(c, 'c%s-ubnd' % c, 'Tổ hợp tác trồng dâu nuôi tằm xã %s' % DR[c]) for c in ['24886', '24889', '24877', '24874']]
for i, (unit, org, name) in enumerate(silk):
    m = take_maintained(i < 3)
    add(drk(), name, 'MODEL', 'COLLECTIVE', 'ECONOMY', unit, org, 2019 if m else 2021, dr_regs(m, 2019), True,
        'ETHNIC_MINORITY', desc='Đồng bào dân tộc thiểu số liên kết trồng dâu, nuôi tằm, được hướng dẫn kỹ thuật và bao tiêu kén.')
econ_ex = [('COLLECTIVE', 'Điển hình tập thể phát triển kinh tế: Chi hội Nông dân thôn %d xã %s'),
           ('INDIVIDUAL', 'Điển hình cá nhân phát triển kinh tế hộ gia đình ở xã %s (đề nghị UBND tỉnh khen thưởng)'),
           ('INDIVIDUAL', 'Điển hình cá nhân làm kinh tế giỏi, giúp đỡ hộ nghèo ở xã %s'),
           ('COLLECTIVE', 'Điển hình tập thể phát triển kinh tế: Tổ liên kết cà phê thôn %d xã %s'),
           ('COLLECTIVE', 'Điển hình tập thể phát triển kinh tế: Chi hội Phụ nữ thôn %d xã %s')]
for i, (holder, pattern) in enumerate(econ_ex):
    c = communes[i]
    name = pattern % ((i + 1, DR[c]) if '%d' in pattern else DR[c])
    add(drk(), name, 'EXEMPLAR', holder, 'ECONOMY', c, 'd674-hnd' if holder == 'COLLECTIVE' else 'c%s-ubnd' % c, 2021,
        dr_regs(False, 2021), True, 'ETHNIC_MINORITY')
for i, name in enumerate(['Mô hình trồng cà phê xen cây ăn quả', 'Mô hình nuôi heo đen địa phương',
                          'Mô hình trồng sầu riêng liên kết', 'Mô hình tiết kiệm, vay vốn xoay vòng giúp nhau',
                          'Mô hình chuyển đổi cây trồng trên đất dốc']):
    c = communes[(i + 3) % 8]
    m = take_maintained(i < 2)
    add(drk(), '%s xã %s' % (name, DR[c]), 'MODEL', 'COLLECTIVE', 'ECONOMY', c, 'd674-pn' if i == 3 else 'd674-hnd',
        2020 if m else 2021, dr_regs(m, 2020))
# Culture-society 25
for i in range(5):
    c = communes[i]
    m = take_maintained(i < 2)
    add(drk(), 'Khu dân cư kiểu mẫu thôn %d xã %s' % (i + 1, DR[c]), 'MODEL', 'COLLECTIVE', 'CULTURE_SOCIETY', c,
        'c%s-mttq' % c, 2019 if m else 2021, dr_regs(m, 2019), True, 'ETHNIC_MINORITY')
for i in range(8):
    c = communes[i]
    add(drk(), 'Khu dân cư tiêu biểu thôn %d xã %s' % (i + 2, DR[c]), 'MODEL', 'COLLECTIVE', 'CULTURE_SOCIETY', c,
        'c%s-mttq' % c, 2021, dr_regs(False, 2021), True)
cs_names = ['Đường hoa nông thôn', 'Tổ phụ nữ giữ gìn vệ sinh môi trường', 'Xóa nhà tạm cho hộ nghèo',
            'Câu lạc bộ cồng chiêng', 'Gia đình văn hóa, không sinh con thứ ba', 'Tuyến đường tự quản xanh - sạch - đẹp',
            'Thanh niên tình nguyện giúp người già neo đơn', 'Phân loại rác tại hộ gia đình', 'Tủ sách cộng đồng thôn',
            'Bữa ăn có thịt cho học sinh bán trú', 'Nói không với tảo hôn', 'Nước sạch cho bà con vùng cao']
for i, name in enumerate(cs_names):
    c = communes[i % 8]
    m = take_maintained(i < 2)
    add(drk(), '%s xã %s' % (name, DR[c]), 'MODEL', 'COLLECTIVE', 'CULTURE_SOCIETY', c,
        ['d674-pn', 'd674-dtn', 'c%s-mttq' % c, 'd674-ccb'][i % 4], 2020 if m else 2021, dr_regs(m, 2020),
        groups='ETHNIC_MINORITY' if i % 3 == 0 else '')
# Defence-security 2
for i, c in enumerate(['24886', '24859']):
    m = take_maintained(i == 0)
    add(drk(), 'Tổ tự quản an ninh trật tự xã %s' % DR[c], 'MODEL', 'COLLECTIVE', 'DEFENCE_SECURITY', c, 'd674-ca',
        2020 if m else 2021, dr_regs(m, 2020))
# Political system 3
for i, c in enumerate(['24889', '24877', '24853']):
    add(drk(), 'Nâng cao chất lượng sinh hoạt chi bộ thôn xã %s' % DR[c], 'MODEL', 'COLLECTIVE', 'POLITICAL_SYSTEM', c,
        'c%s-du' % c, 2021, dr_regs(False, 2021))
assert n == 47 and maintained_left == 0, (n, maintained_left)

# ---- 4. Lục Yên 2024: 421 = 91 economy, 232 culture-society, 47 defence-security, 18 political system, 33 new rural.
LY = ['04303', '04306', '04309', '04312', '04315', '04318', '04321', '04324', '04327', '04330', '04333', '04336',
      '04339', '04342', '04345', '04348', '04351', '04354', '04357', '04360', '04363', '04366', '04369', '04372']
LY_NAMES = {}
for r in csv.DictReader(open('src/main/resources/demo/admin-units.csv', encoding='utf-8')):
    if r['key'] in LY:
        LY_NAMES[r['key']] = r['fullName']
themes = {
    'ECONOMY': ['Mô hình trồng quế hữu cơ', 'Mô hình chăn nuôi trâu bò vỗ béo', 'Tổ hợp tác khai thác đá trang trí',
                'Mô hình nuôi cá lồng trên hồ Thác Bà', 'Chi hội nông dân nghề nghiệp trồng chè', 'Mô hình trồng măng tre Bát Độ'],
    'CULTURE_SOCIETY': ['Khu dân cư văn hóa', 'Câu lạc bộ hát then, đàn tính', 'Đường làng sáng - xanh - sạch - đẹp',
                        'Tổ phụ nữ tiết kiệm', 'Nhà văn hóa thôn tự quản', 'Dòng họ học tập', 'Chi hội không có trẻ em bỏ học',
                        'Thôn văn minh, không rác thải nhựa'],
    'DEFENCE_SECURITY': ['Tổ an ninh tự quản', 'Thôn không có tội phạm và tệ nạn xã hội', 'Camera an ninh vì cộng đồng'],
    'POLITICAL_SYSTEM': ['Chi bộ thôn trong sạch, vững mạnh', 'Đối thoại trực tiếp giữa chính quyền và nhân dân'],
    'NEW_RURAL': ['Hiến đất làm đường giao thông nông thôn', 'Khu dân cư nông thôn mới kiểu mẫu', 'Vườn mẫu nông thôn mới'],
}
orgs = {'ECONOMY': 'd135-hnd', 'CULTURE_SOCIETY': 'c%s-mttq', 'DEFENCE_SECURITY': 'd135-ca', 'POLITICAL_SYSTEM': 'c%s-du',
        'NEW_RURAL': 'c%s-ubnd'}
counts = {'ECONOMY': 91, 'CULTURE_SOCIETY': 232, 'DEFENCE_SECURITY': 47, 'POLITICAL_SYSTEM': 18, 'NEW_RURAL': 33}
k = 0
for sector, count in counts.items():
    for j in range(count):
        k += 1
        c = LY[(k * 7) % len(LY)]
        theme = themes[sector][j % len(themes[sector])]
        village = 1 + (j // len(themes[sector])) % 12
        name = '%s thôn %d %s' % (theme, village, LY_NAMES[c].replace('Thị trấn', 'thị trấn').replace('Xã', 'xã'))
        maintained = k % 10 < 7
        start = 2019 + k % 5 if maintained else 2024
        org = orgs[sector] % c if '%s' in orgs[sector] else orgs[sector]
        groups = 'ETHNIC_MINORITY' if k % 4 == 0 else ('RELIGIOUS' if k % 29 == 0 else '')
        add('ly%03d' % k, name, 'MODEL', 'COLLECTIVE', sector, c, org, min(start, 2023) if maintained else 2024,
            [(2024, 'MAINTAINED' if maintained else 'NEW')], groups=groups)
assert k == 421

# ---- 5. Kỳ Sơn 2019: 54 = 16 economy, 18 culture-society, 10 defence-security, 10 political system
# (the Hợp Thành land-consensus pilot of 2016 and its 7 replicas among them).
KS = {'04894@ky-son': 'thị trấn Kỳ Sơn', '04897@ky-son': 'xã Hợp Thịnh', '04900@ky-son': 'xã Phú Minh',
      '04903@ky-son': 'xã Hợp Thành', '04906@ky-son': 'xã Phúc Tiến', '04909@ky-son': 'xã Yên Quang',
      '04912@ky-son': 'xã Mông Hóa', '04921@ky-son': 'xã Độc Lập'}
ks = list(KS)
m = 0
def ksk():
    global m
    m += 1
    return 'ks%02d' % m
def ks_regs(new):
    return [(2019, 'NEW')] if new else [(2018, 'NEW'), (2019, 'MAINTAINED')]
econ = [('Mô hình trồng nấm', '04912@ky-son'), ('Mô hình nuôi cá lồng', '04903@ky-son'),
        ('Mô hình trồng cây ăn quả', '04903@ky-son'), ('Mô hình chăn nuôi bò đồi', '04894@ky-son'),
        ('Mô hình trồng rau hữu cơ', '04894@ky-son'), ('Tổ hợp tác chăn nuôi bò', '04906@ky-son')]
for i in range(16):
    if i < len(econ):
        name, c = econ[i]
    else:
        c = ks[i % 8]
        name = ['Mô hình trồng bưởi đỏ', 'Mô hình nuôi gà đồi', 'Mô hình trồng mía tím', 'Mô hình nuôi ong lấy mật',
                'Mô hình trồng cam Cao Phong'][i % 5]
    add(ksk(), '%s %s' % (name, KS[c]), 'MODEL', 'COLLECTIVE', 'ECONOMY', c, 'd151-hnd', 2019 if i % 2 == 0 else 2018,
        ks_regs(i % 2 == 0), groups='ETHNIC_MINORITY' if i % 3 == 0 else '')
cs = [('Mái ấm nông dân', 'd151-hnd'), ('Mái ấm tình thương', 'd151-mttq'), ('Mái ấm công đoàn', 'd151-ldld'),
      ('Nhà nghĩa tình đồng đội', 'd151-ccb'), ('Tuyến đường sáng - xanh - sạch - đẹp - văn minh - an toàn', 'd151-dtn'),
      ('Đoạn đường cây xanh - hoa nở', 'd151-pn')]
for i in range(18):
    c = ks[i % 8]
    name, org = cs[i] if i < len(cs) else (['Khu dân cư văn hóa', 'Gia đình văn hóa tiêu biểu', 'Câu lạc bộ dân ca Mường',
                                            'Xóm không có trẻ em bỏ học'][i % 4], 'c%s-mttq' % c)
    add(ksk(), '%s %s' % (name, KS[c]), 'MODEL', 'COLLECTIVE', 'CULTURE_SOCIETY', c, org, 2019 if i % 3 else 2018,
        ks_regs(i % 3 != 0), featured=i < 6)
ds = [('Giữ vững làng văn hóa quốc phòng xóm Can', 'v10', 'kdc-xom-can'),
      ('Giữ vững làng văn hóa quốc phòng xóm Ngọc Xạ', 'v11', 'kdc-ngoc-xa'),
      ('Làng bản văn hóa - quốc phòng và an ninh xóm Mè', 'v12', 'd151-bchqs'),
      ('Chống cháy rừng và tìm kiếm cứu hộ, cứu nạn xã Phú Minh', '04900@ky-son', 'c04900@ky-son-ubnd'),
      ('Tổ tự quản xã Hợp Thịnh', '04897@ky-son', 'd151-ca'),
      ('Khu tự quản thị trấn Kỳ Sơn', '04894@ky-son', 'd151-ca')]
for i in range(10):
    if i < len(ds):
        name, unit, org = ds[i]
    else:
        unit = ks[(i * 3) % 8]
        name, org = 'Tổ an ninh xung kích %s' % KS[unit], 'd151-ca'
    add(ksk(), name, 'MODEL', 'COLLECTIVE', 'DEFENCE_SECURITY', unit, org, 2018, ks_regs(False), featured=i < 3)
add(ksk(), 'Nâng cao chất lượng sinh hoạt chi bộ xã Mông Hóa', 'MODEL', 'COLLECTIVE', 'POLITICAL_SYSTEM', '04912@ky-son',
    'c04912@ky-son-du', 2019, ks_regs(True))
add(ksk(), 'Đẩy mạnh tuyên truyền, thực hiện hiệu quả, bền vững các tiêu chí xây dựng nông thôn mới xã Hợp Thành', 'MODEL',
    'COLLECTIVE', 'POLITICAL_SYSTEM', '04903@ky-son', 'c04903@ky-son-du', 2019, ks_regs(True))
pilot = ksk()
add(pilot, 'Đồng thuận giữa chính quyền và người dân trong quản lý và sử dụng đất', 'MODEL', 'COLLECTIVE',
    'POLITICAL_SYSTEM', '04903@ky-son', 'c04903@ky-son-ubnd', 2016,
    [(2016, 'NEW'), (2017, 'MAINTAINED'), (2018, 'MAINTAINED'), (2019, 'MAINTAINED')], featured=True,
    desc='Mô hình điểm: chính quyền công khai quy hoạch, đối thoại với người dân trước khi thu hồi, giao, cho thuê đất.',
    indicators='Hộ đồng thuận:hộ:2016:412|Diện tích đất giải phóng mặt bằng:ha:2016:38')
for i, c in enumerate([x for x in ks if x != '04903@ky-son']):
    add(ksk(), 'Đồng thuận giữa chính quyền và người dân trong quản lý và sử dụng đất', 'MODEL', 'COLLECTIVE',
        'POLITICAL_SYSTEM', c, 'c%s-ubnd' % c, 2017 + i % 2, [(2017 + i % 2, 'NEW'), (2019, 'MAINTAINED')], pilot=pilot)
assert m == 54, m

# ---- 3. Tuyên Hóa: the three initiatives discussed at the conference of 13/9/2018 (period 2016–2018).
th = [('Thực hiện quy chế dân chủ ở cơ sở', 'POLITICAL_SYSTEM', '18949', 'c18949-du'),
      ('Chính quyền thân thiện vì nhân dân phục vụ', 'POLITICAL_SYSTEM', '18958', 'c18958-ubnd'),
      ('Xã bình yên, gia đình hòa thuận', 'DEFENCE_SECURITY', '18979', 'c18979-mttq')]
for i, (name, sector, unit, org) in enumerate(th, 1):
    add('th%d' % i, name, 'MODEL', 'COLLECTIVE', sector, unit, org, 2016,
        [(2016, 'NEW'), (2017, 'MAINTAINED'), (2018, 'MAINTAINED')], groups='RELIGIOUS' if i == 3 else '')

w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['key', 'name', 'kind', 'holder', 'sector', 'unitKey', 'organisationKey', 'startYear', 'featured',
            'targetGroups', 'pilotKey', 'description', 'registrations', 'indicators'])
for r in rows:
    w.writerow(r)
