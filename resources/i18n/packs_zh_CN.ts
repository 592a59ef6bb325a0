<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PackImport</name>
    <message>
        <source>Content update not applied</source>
        <translation>内容更新未应用</translation>
    </message>
    <message>
        <source>{0}

The knowledge base in use is unchanged.</source>
        <translation>{0}

当前使用的知识库没有任何改动。</translation>
    </message>
    <message>
        <source>Import content update</source>
        <translation>导入内容更新</translation>
    </message>
    <message>
        <source>Content updates ({0});;All files (*)</source>
        <translation>内容更新包 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Older content update</source>
        <translation>较旧的内容更新</translation>
    </message>
    <message>
        <source>{0}

Install it anyway? You can roll back afterwards.</source>
        <translation>{0}

仍要安装吗？之后可以回滚。</translation>
    </message>
    <message>
        <source>Content update applied</source>
        <translation>内容更新已应用</translation>
    </message>
    <message>
        <source>The knowledge base is now version {0} (released {1}).</source>
        <translation>知识库现在是 {0} 版（发布于 {1}）。</translation>
    </message>
    <message>
        <source>The previous knowledge base was kept, so this update can be rolled back.</source>
        <translation>之前的知识库已保留，因此可以回滚此次更新。</translation>
    </message>
</context>
<context>
    <name>PackProgressDialog</name>
    <message>
        <source>Applying content update</source>
        <translation>正在应用内容更新</translation>
    </message>
    <message>
        <source>Checking the signature and every file…</source>
        <translation>正在检查签名和每个文件…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Building the new knowledge base…</source>
        <translation>正在生成新的知识库…</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>正在安装…</translation>
    </message>
</context>
<context>
    <name>PackRefusal</name>
    <message>
        <source>The file is damaged or incomplete. Copy it again and retry.</source>
        <translation>文件已损坏或不完整。请重新复制后再试。</translation>
    </message>
    <message>
        <source>The pack contains an unsafe file name, so it was not applied.</source>
        <translation>更新包含有不安全的文件名，因此未应用。</translation>
    </message>
    <message>
        <source>The pack contains a link or special file, so it was not applied.</source>
        <translation>更新包含有链接或特殊文件，因此未应用。</translation>
    </message>
    <message>
        <source>The pack is far too large to be a content update, so it was not applied.</source>
        <translation>更新包过大，不可能是内容更新，因此未应用。</translation>
    </message>
    <message>
        <source>This file is not a signed content update.</source>
        <translation>此文件不是经过签名的内容更新。</translation>
    </message>
    <message>
        <source>The pack was changed after it was signed, so it was not applied.</source>
        <translation>更新包在签名后被改动过，因此未应用。</translation>
    </message>
    <message>
        <source>The pack is signed by a key this program does not trust, so it was not applied.</source>
        <translation>更新包的签名密钥不受本程序信任，因此未应用。</translation>
    </message>
    <message>
        <source>The pack&apos;s description is not valid, so it was not applied.</source>
        <translation>更新包的说明文件无效，因此未应用。</translation>
    </message>
    <message>
        <source>This pack needs a newer version of the program.</source>
        <translation>此更新包需要更新版本的程序。</translation>
    </message>
    <message>
        <source>This pack needs a different version of the program&apos;s knowledge base.</source>
        <translation>此更新包需要其他版本的程序知识库格式。</translation>
    </message>
    <message>
        <source>This pack is not newer than the installed one.</source>
        <translation>此更新包并不比已安装的版本新。</translation>
    </message>
    <message>
        <source>A file in the pack does not match its signed description, so it was not applied.</source>
        <translation>更新包中的某个文件与其签名说明不符，因此未应用。</translation>
    </message>
    <message>
        <source>The pack&apos;s content fails the knowledge-base checks, so it was not applied.</source>
        <translation>更新包的内容未通过知识库检查，因此未应用。</translation>
    </message>
    <message>
        <source>There is not enough free disk space to apply the update.</source>
        <translation>磁盘空间不足，无法应用更新。</translation>
    </message>
    <message>
        <source>The update could not be applied.</source>
        <translation>无法应用更新。</translation>
    </message>
    <message>
        <source>The update was cancelled.</source>
        <translation>更新已取消。</translation>
    </message>
    <message>
        <source>The file could not be found.</source>
        <translation>找不到该文件。</translation>
    </message>
    <message>
        <source>This content update has expired; a newer one may exist, so it was not applied.</source>
        <translation>此内容更新已过期，可能已有更新的版本，因此未应用。</translation>
    </message>
    <message>
        <source>The pack is signed by a key that was revoked, so it was not applied.</source>
        <translation>此更新包由已被吊销的密钥签名，因此未应用。</translation>
    </message>
    <message>
        <source>The pack file changed while it was being applied (was the stick removed?), so it was not applied.</source>
        <translation>应用过程中更新包文件发生了变化（U盘是否被拔出？），因此未应用。</translation>
    </message>
</context>
<context>
    <name>PackSummaryDialog</name>
    <message>
        <source>Import content update</source>
        <translation>导入内容更新</translation>
    </message>
    <message>
        <source>Apply this content update?</source>
        <translation>要应用此内容更新吗？</translation>
    </message>
    <message>
        <source>the knowledge base shipped with the program</source>
        <translation>程序自带的知识库</translation>
    </message>
    <message>
        <source>{0} (installed now: {1})</source>
        <translation>{0}（当前安装：{1}）</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Released:</source>
        <translation>发布日期：</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>knowledge base {0}, content date {1}; {2} files, {3}</source>
        <translation>知识库 {0}，内容日期 {1}；{2} 个文件，{3}</translation>
    </message>
    <message>
        <source>project release key</source>
        <translation>项目发布密钥</translation>
    </message>
    <message>
        <source>a key you chose to trust</source>
        <translation>您选择信任的密钥</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签名者：</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>密钥指纹：</translation>
    </message>
    <message>
        <source>What changed:</source>
        <translation>更新内容：</translation>
    </message>
    <message>
        <source>(no description of the changes was given)</source>
        <translation>（未提供更新说明）</translation>
    </message>
    <message>
        <source>The signature is valid. Every file is checked against it before anything is installed, and the knowledge base in use now is kept, so the update can be rolled back.</source>
        <translation>签名有效。安装前会逐一核对每个文件，当前使用的知识库也会被保留，因此可以回滚此次更新。</translation>
    </message>
    <message>
        <source>Apply update</source>
        <translation>应用更新</translation>
    </message>
</context>
</TS>
