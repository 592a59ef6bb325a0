<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CentresView</name>
    <message>
        <source>Treatment centres</source>
        <translation>治疗中心</translation>
    </message>
    <message>
        <source>Trial sites and centres named in sources, and centres added at this site; ask your team which centre will treat you.</source>
        <translation>来源中列出的试验中心和医疗中心，以及本机构添加的中心；具体在哪家中心治疗，请咨询您的医疗团队。</translation>
    </message>
    <message>
        <source>This site&apos;s list:</source>
        <translation>本机构名单：</translation>
    </message>
    <message>
        <source>&amp;Add centre…</source>
        <translation>添加中心(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Trial sites and centres named in sources; ask your team which centre will treat you.</source>
        <translation>来源中列出的试验中心和医疗中心；具体在哪家中心治疗，请咨询您的医疗团队。</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>City (Wuhan, 武汉, wuhan) or LAT,LON</source>
        <translation>城市（武汉、Wuhan、wuhan）或 纬度,经度</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>查找(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Therapy:</source>
        <translation>疗法(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>国家/地区(&amp;O)：</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>缩小（−）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show all pins (0)</source>
        <translation>显示所有标记（0）</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详情(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Use this centre in a handout</source>
        <translation>在宣教资料中使用此中心(&amp;U)</translation>
    </message>
    <message>
        <source>Drag or use the arrow keys to pan; wheel or +/− to zoom; click a pin for its card.</source>
        <translation>拖动或用方向键平移；滚轮或 +/− 缩放；点击标记查看中心信息。</translation>
    </message>
    <message>
        <source>Straight-line distances</source>
        <translation>直线距离</translation>
    </message>
    <message>
        <source>Outlines: Natural Earth</source>
        <translation>轮廓：Natural Earth</translation>
    </message>
    <message>
        <source>Map of treatment centres</source>
        <translation>治疗中心地图</translation>
    </message>
    <message>
        <source>Centres, nearest first</source>
        <translation>中心列表（由近及远）</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Therapies</source>
        <translation>疗法</translation>
    </message>
    <message>
        <source>Trial site</source>
        <translation>临床试验中心</translation>
    </message>
    <message>
        <source>Treated patients (source says)</source>
        <translation>已治疗患者（据来源）</translation>
    </message>
    <message>
        <source>Certified (source says)</source>
        <translation>已认证（据来源）</translation>
    </message>
    <message>
        <source>Added at this site</source>
        <translation>本机构添加</translation>
    </message>
    <message>
        <source>Treated patients with a commercial product (source says)</source>
        <translation>已用上市产品治疗患者（据来源）</translation>
    </message>
    <message>
        <source>Certified by a named body (source says)</source>
        <translation>经指定机构认证（据来源）</translation>
    </message>
    <message>
        <source>Added at %1 (from a pack)</source>
        <translation>由 %1 添加（来自内容包）</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存日期</translation>
    </message>
    <message>
        <source>Not from a source: kept by the staff of this site.</source>
        <translation>非来源资料：由本机构工作人员维护。</translation>
    </message>
    <message>
        <source>Remove centre</source>
        <translation>删除中心</translation>
    </message>
    <message>
        <source>Remove %1 from this site&apos;s list?</source>
        <translation>要从本机构名单中删除 %1 吗？</translation>
    </message>
    <message>
        <source>All therapies</source>
        <translation>全部疗法</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Trial sites</source>
        <translation>临床试验中心</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>全部国家/地区</translation>
    </message>
    <message>
        <source>No place called “%1”.</source>
        <translation>未找到地点“%1”。</translation>
    </message>
    <message>
        <source>Did you mean: %1?</source>
        <translation>您是否要找：%1？</translation>
    </message>
    <message>
        <source>Nearest to &lt;b&gt;%1&lt;/b&gt; (straight-line distance, not travel time).</source>
        <translation>距 &lt;b&gt;%1&lt;/b&gt; 最近（直线距离，非路程时间）。</translation>
    </message>
    <message>
        <source>Most populous place of that name; others: %1.</source>
        <translation>已选同名地点中人口最多者；其他：%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n centre(s) shown.</source>
        <translation>
            <numerusform>显示 %n 个中心。</numerusform>
        </translation>
    </message>
    <message>
        <source>This knowledge base lists no centres.</source>
        <translation>此知识库未列出任何中心。</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>not in the sources: the trial&apos;s registry record (see Sources) names a contact; or call the hospital&apos;s switchboard</source>
        <translation>来源中没有：试验登记记录（见“来源”）列有联系人；或拨打医院总机</translation>
    </message>
    <message>
        <source>not in the sources: call the hospital&apos;s switchboard (its own website lists it)</source>
        <translation>来源中没有：请拨打医院总机（医院官网有列出）</translation>
    </message>
    <message>
        <source>not in the sources: the hospital&apos;s own website, or the registry record in Sources</source>
        <translation>来源中没有：见医院官网，或“来源”中的登记记录</translation>
    </message>
    <message>
        <source>not listed</source>
        <translation>未列出</translation>
    </message>
    <message>
        <source>Click a pin or a row to see the centre.</source>
        <translation>点击地图标记或列表行查看中心信息。</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>(straight line)</source>
        <translation>（直线）</translation>
    </message>
    <message>
        <source>enter a place to measure</source>
        <translation>输入地点以计算距离</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>city centre (approximate)</source>
        <translation>城市中心（近似）</translation>
    </message>
    <message>
        <source>site</source>
        <translation>院址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>%1 (straight line) from %2</source>
        <translation>距 %2 %1（直线）</translation>
    </message>
</context>
</TS>
